import Yams

extension KubernetesRenderer {
    /// The single-page application: its files in a ConfigMap, served by nginx, behind a Service.
    static func frontend(_ frontend: StaticFrontend, of app: ContainerApp) -> [Node] {
        let keys = frontend.files.map { $0.path.replacingOccurrences(of: "/", with: "_") }
        let files: Node = .map([
            ("apiVersion", .text("v1")), ("kind", .text("ConfigMap")),
            ("metadata", metadata("frontend-files", partOf(app))),
            ("data", .textMap(zip(keys, frontend.files).map { ($0, $1.contents) })),
        ])
        let items = zip(keys, frontend.files).map { key, file in Node.textMap([("key", key), ("path", file.path)]) }
        let rootPath: Node = .map([("path", .text("/")), ("port", .number(80))])
        let container: Node = .map([
            ("name", .text("nginx")), ("image", .text(ComposeRenderer.nginxImage)),
            ("ports", Node([.map([("containerPort", .number(80))])])),
            ("readinessProbe", .map([("httpGet", rootPath)])), ("livenessProbe", .map([("httpGet", rootPath)])),
            ("resources", .map([("limits", .textMap([("cpu", "200m"), ("memory", "64Mi")]))])),
            ("volumeMounts", Node([.textMap([("name", "files"), ("mountPath", "/usr/share/nginx/html")])])),
        ])
        let volume: Node = .map([
            ("name", .text("files")),
            ("configMap", .map([("name", .text("frontend-files")), ("items", Node(items))])),
        ])
        let labels = named("frontend") + partOf(app)
        let deployment: Node = .map([
            ("apiVersion", .text("apps/v1")), ("kind", .text("Deployment")),
            ("metadata", metadata("frontend", labels)),
            (
                "spec",
                .map([
                    ("replicas", .number(1)),
                    ("selector", .map([("matchLabels", .textMap(named("frontend")))])),
                    (
                        "template",
                        .map([
                            ("metadata", .map([("labels", .textMap(labels))])),
                            ("spec", .map([("containers", Node([container])), ("volumes", Node([volume]))])),
                        ])
                    ),
                ])
            ),
        ])
        return [files, deployment, service("frontend", targetPort: 80, of: app)]
    }
}
