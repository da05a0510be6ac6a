extension KubernetesRenderer {
    /// A service's documents: ConfigMap, Deployment, Service, then its autoscaler and volume claim.
    static func workload(_ service: ContainerService, of app: ContainerApp) -> [YAMLValue] {
        let name = service.kubernetesName
        let config = service.environment.compactMap { variable -> (String, String)? in
            guard case .config(let value) = variable.kubernetes else { return nil }
            return (variable.name, value)
        }
        var documents: [YAMLValue] = [
            .map([
                ("apiVersion", .text("v1")), ("kind", .text("ConfigMap")),
                ("metadata", metadata("\(name)-config", partOf(app))), ("data", .textMap(config)),
            ]),
            deployment(service, of: app),
            Self.service(name, targetPort: service.port, of: app),
        ]
        if let range = service.autoscaling { documents.append(autoscaler(name, range, of: app)) }
        if service.dataVolume { documents.append(volumeClaim("\(name)-data", of: app)) }
        if let schedule = service.backupSchedule { documents += backup(service, schedule: schedule, of: app) }
        return documents
    }

    /// The pod's security context, when the image names its user: fsGroup makes a mounted volume
    /// writable by that user.
    static func podSecurity(_ service: ContainerService) -> [(String, YAMLValue)] {
        guard let user = service.runAsUser else { return [] }
        return [("securityContext", .map([("runAsNonRoot", .flag(true)), ("runAsUser", .number(user)), ("fsGroup", .number(user))]))]
    }

    static func deployment(_ service: ContainerService, of app: ContainerApp) -> YAMLValue {
        let name = service.kubernetesName
        var pod = podSecurity(service)
        pod.append(("containers", .list([container(service, of: app)])))
        if service.dataVolume {
            let claim: YAMLValue = .map([("claimName", .text("\(name)-data"))])
            pod.append(("volumes", .list([.map([("name", .text("data")), ("persistentVolumeClaim", claim)])])))
        }
        let podLabels = named(name) + (app.labelsPodsWithApp ? partOf(app) : [])
        var spec: [(String, YAMLValue)] = [
            ("replicas", .number(service.replicas)),
            ("selector", .map([("matchLabels", .textMap(named(name)))])),
        ]
        switch service.updateStrategy {
        case .rolling?:
            let rolling: YAMLValue = .map([("maxSurge", .number(1)), ("maxUnavailable", .number(0))])
            spec.append(("strategy", .map([("type", .text("RollingUpdate")), ("rollingUpdate", rolling)])))
        case .recreate?:
            spec.append(("strategy", .map([("type", .text("Recreate"))])))
        case nil:
            break
        }
        spec.append(("template", .map([("metadata", .map([("labels", .textMap(podLabels))])), ("spec", .map(pod))])))
        return .map([
            ("apiVersion", .text("apps/v1")), ("kind", .text("Deployment")),
            ("metadata", metadata(name, named(name) + partOf(app))),
            ("spec", .map(spec)),
        ])
    }

    /// The service's container: image, port, environment, probes, resources, data volume.
    static func container(_ service: ContainerService, of app: ContainerApp) -> YAMLValue {
        let name = service.kubernetesName
        var pairs: [(String, YAMLValue)] = [
            ("name", .text(name)), ("image", .text(service.image)),
            ("ports", .list([.map([("containerPort", .number(service.port))])])),
        ]
        pairs += environment(service, of: app)
        pairs += [("readinessProbe", probe(service.health.readiness)), ("livenessProbe", probe(service.health.liveness))]
        let resources = [("requests", service.kubernetesRequests), ("limits", service.kubernetesLimits)].compactMap { key, amounts in
            amounts.map {
                (key, YAMLValue.textMap([("cpu", $0.cpu), ("memory", $0.memory)].compactMap { key, value in value.map { (key, $0) } }))
            }
        }
        if !resources.isEmpty { pairs.append(("resources", .map(resources))) }
        if service.dataVolume {
            pairs.append(("volumeMounts", .list([.map([("name", .text("data")), ("mountPath", .text("/data"))])])))
        }
        return .map(pairs)
    }

    /// What the service's containers read: its ConfigMap, and each secret variable from the app's Secret.
    static func environment(_ service: ContainerService, of app: ContainerApp) -> [(String, YAMLValue)] {
        var pairs: [(String, YAMLValue)] = [
            ("envFrom", .list([.map([("configMapRef", .map([("name", .text("\(service.kubernetesName)-config"))]))])]))
        ]
        let secrets = service.environment.compactMap { variable -> YAMLValue? in
            guard case .secret(let key) = variable.kubernetes else { return nil }
            let reference: YAMLValue = .map([("secretKeyRef", .textMap([("name", "\(app.name)-secrets"), ("key", key)]))])
            return .map([("name", .text(variable.name)), ("valueFrom", reference)])
        }
        if !secrets.isEmpty { pairs.append(("env", .list(secrets))) }
        return pairs
    }

    static func probe(_ probe: Probe) -> YAMLValue {
        let timings = [
            ("initialDelaySeconds", probe.initialDelaySeconds), ("periodSeconds", probe.periodSeconds),
            ("timeoutSeconds", probe.timeoutSeconds), ("failureThreshold", probe.failureThreshold),
        ]
        let httpGet: YAMLValue = .map([("path", .text(probe.path)), ("port", .number(probe.port))])
        return .map([("httpGet", httpGet)] + timings.compactMap { key, value in value.map { (key, .number($0)) } })
    }

    static func autoscaler(_ name: String, _ range: ClosedRange<Int>, of app: ContainerApp) -> YAMLValue {
        let target: YAMLValue = .map([("type", .text("Utilization")), ("averageUtilization", .number(70))])
        let metric: YAMLValue = .map([("type", .text("Resource")), ("resource", .map([("name", .text("cpu")), ("target", target)]))])
        return .map([
            ("apiVersion", .text("autoscaling/v2")), ("kind", .text("HorizontalPodAutoscaler")),
            ("metadata", metadata(name, partOf(app))),
            (
                "spec",
                .map([
                    ("scaleTargetRef", .textMap([("apiVersion", "apps/v1"), ("kind", "Deployment"), ("name", name)])),
                    ("minReplicas", .number(range.lowerBound)), ("maxReplicas", .number(range.upperBound)),
                    ("metrics", .list([metric])),
                ])
            ),
        ])
    }

    static func volumeClaim(_ name: String, size: String = "1Gi", of app: ContainerApp) -> YAMLValue {
        .map([
            ("apiVersion", .text("v1")), ("kind", .text("PersistentVolumeClaim")),
            ("metadata", metadata(name, partOf(app))),
            (
                "spec",
                .map([
                    ("accessModes", .texts(["ReadWriteOnce"])),
                    ("resources", .map([("requests", .textMap([("storage", size)]))])),
                ])
            ),
        ])
    }
}
