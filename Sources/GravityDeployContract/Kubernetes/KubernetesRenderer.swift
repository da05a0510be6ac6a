/// `deploy/kubernetes/` for a `ContainerApp`: a Secret template (00), per service a ConfigMap,
/// Deployment, Service and a HorizontalPodAutoscaler or volume claim (10, 11, ...), the frontend
/// (80) and an Ingress routing each prefix (90).
public enum KubernetesRenderer {
    /// One file of the folder: its name and text.
    public struct File: Sendable, Hashable {
        public var name: String
        public var text: String
    }

    /// The name of the Secret template, which is the user's to fill in.
    public static let secretsFile = "00-secrets.example.yaml"

    /// The files in the order they are applied.
    public static func render(_ app: ContainerApp) throws -> [File] {
        var files = [File(name: secretsFile, text: try YAMLText.file([secret(app)], named: secretsFile, comment: app.comments.secrets))]
        for (index, service) in app.services.enumerated() {
            let name = "\(10 + index)-\(service.name).yaml"
            files.append(File(name: name, text: try YAMLText.file(workload(service, of: app), named: name, comment: service.comment)))
        }
        if let frontend = app.frontend {
            let text = try YAMLText.file(Self.frontend(frontend, of: app), named: "80-frontend.yaml", comment: app.comments.frontend)
            files.append(File(name: "80-frontend.yaml", text: text))
        }
        let ingress = try YAMLText.file([ingress(app)], named: "90-ingress.yaml", comment: app.comments.ingress)
        files.append(File(name: "90-ingress.yaml", text: ingress))
        return files
    }

    /// `metadata` with the object's name and labels.
    static func metadata(_ name: String, _ labels: [(String, String)]) -> YAMLValue {
        .map([("name", .text(name)), ("labels", .textMap(labels))])
    }

    static func partOf(_ app: ContainerApp) -> [(String, String)] { [("app.kubernetes.io/part-of", app.name)] }

    static func named(_ name: String) -> [(String, String)] { [("app.kubernetes.io/name", name)] }

    /// The template of the Secret every service reads its secrets from, with empty values.
    static func secret(_ app: ContainerApp) -> YAMLValue {
        .map([
            ("apiVersion", .text("v1")), ("kind", .text("Secret")),
            ("metadata", metadata("\(app.name)-secrets", partOf(app))),
            ("type", .text("Opaque")),
            ("stringData", .textMap(app.secretKeys.map { ($0, "") })),
        ])
    }

    /// A Service sending port 80 to the pods named `name`.
    static func service(_ name: String, targetPort: Int, of app: ContainerApp) -> YAMLValue {
        .map([
            ("apiVersion", .text("v1")), ("kind", .text("Service")),
            ("metadata", metadata(name, partOf(app))),
            (
                "spec",
                .map([
                    ("selector", .textMap(named(name))),
                    ("ports", .list([.map([("port", .number(80)), ("targetPort", .number(targetPort))])])),
                ])
            ),
        ])
    }

    /// Routes each service's prefix, and `/` to the frontend; with no route at all, everything goes
    /// to the first service.
    static func ingress(_ app: ContainerApp) -> YAMLValue {
        var routes = app.services.compactMap { service in service.routePrefix.map { ($0, service.kubernetesName) } }
        if app.frontend != nil { routes.append(("/", "frontend")) }
        var spec: [(String, YAMLValue)] = []
        if let secret = app.tlsSecret { spec.append(("tls", .list([.map([("secretName", .text(secret))])]))) }
        if routes.isEmpty {
            spec.append(("defaultBackend", backend(app.services.first?.kubernetesName ?? app.name)))
        } else {
            let paths = routes.map { path, name in
                YAMLValue.map([("path", .text(path)), ("pathType", .text("Prefix")), ("backend", backend(name))])
            }
            spec.append(("rules", .list([.map([("http", .map([("paths", .list(paths))]))])])))
        }
        return .map([
            ("apiVersion", .text("networking.k8s.io/v1")), ("kind", .text("Ingress")),
            ("metadata", metadata(app.name, partOf(app))), ("spec", .map(spec)),
        ])
    }

    static func backend(_ name: String) -> YAMLValue {
        .map([("service", .map([("name", .text(name)), ("port", .map([("number", .number(80))]))]))])
    }
}
