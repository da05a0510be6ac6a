extension KubernetesRenderer {
    /// The single-page application: its files in a ConfigMap, served by nginx, behind a Service.
    static func frontend(_ frontend: StaticFrontend, of app: ContainerApp) -> [YAMLValue] {
        let keys = frontend.files.map { $0.path.replacingOccurrences(of: "/", with: "_") }
        let files: YAMLValue = .map([
            ("apiVersion", .text("v1")), ("kind", .text("ConfigMap")),
            ("metadata", metadata("frontend-files", partOf(app))),
            ("data", .textMap(zip(keys, frontend.files).map { ($0, $1.contents) })),
        ])
        let items = zip(keys, frontend.files).map { key, file in YAMLValue.textMap([("key", key), ("path", file.path)]) }
        let rootPath: YAMLValue = .map([("path", .text("/")), ("port", .number(80))])
        let container: YAMLValue = .map([
            ("name", .text("nginx")), ("image", .text(ComposeRenderer.nginxImage)),
            ("ports", .list([.map([("containerPort", .number(80))])])),
            ("readinessProbe", .map([("httpGet", rootPath)])), ("livenessProbe", .map([("httpGet", rootPath)])),
            ("resources", .map([("limits", .textMap([("cpu", "200m"), ("memory", "64Mi")]))])),
            ("volumeMounts", .list([.textMap([("name", "files"), ("mountPath", "/usr/share/nginx/html")])])),
        ])
        let volume: YAMLValue = .map([
            ("name", .text("files")),
            ("configMap", .map([("name", .text("frontend-files")), ("items", .list(items))])),
        ])
        let labels = named("frontend") + partOf(app)
        let deployment: YAMLValue = .map([
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
                            ("spec", .map([("containers", .list([container])), ("volumes", .list([volume]))])),
                        ])
                    ),
                ])
            ),
        ])
        return [files, deployment, service("frontend", targetPort: 80, of: app)]
    }
}
