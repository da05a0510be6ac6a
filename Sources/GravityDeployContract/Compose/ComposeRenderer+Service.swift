extension ComposeRenderer {
    /// A service's container: its image, volumes, environment, what it waits for, its health
    /// check, its limits and the gateway's route to it.
    static func container(_ service: ContainerService) -> YAMLValue {
        var pairs: [(String, YAMLValue)] = []
        var volumes: [String] = []
        switch service.source {
        case .dockerfile:
            pairs.append(("build", .text("../\(service.directory)")))
        case .runtime(let image, let shellCommand):
            pairs += [
                ("image", .text(image)), ("working_dir", .text("/app")),
                ("command", .texts(["sh", "-c", EnvironmentVariable.literalDollars(shellCommand)])),
            ]
            volumes.append("../\(service.directory):/app:ro")
        }
        if service.dataVolume { volumes.append("\(dataVolume(service)):/data") }
        if !volumes.isEmpty { pairs.append(("volumes", .texts(volumes))) }
        pairs.append(("environment", .textMap(service.environment.compactMap { variable in variable.compose.map { (variable.name, $0) } })))
        let waitsFor = service.dependencies + service.databaseServers.map(\.host)
        if !waitsFor.isEmpty { pairs.append(("depends_on", healthy(waitsFor))) }
        let health = service.health
        pairs.append(
            (
                "healthcheck",
                healthCheck(
                    health.test, interval: health.interval, timeout: health.timeout, retries: health.retries, startPeriod: health.startPeriod)
            )
        )
        // More than one replica for a service without state of its own: Traefik finds each container.
        var deploy: [(String, YAMLValue)] = service.replicas > 1 && !service.dataVolume ? [("replicas", .number(service.replicas))] : []
        if let limits = service.composeLimits {
            let amounts = [("cpus", limits.cpu), ("memory", limits.memory)].compactMap { key, value in value.map { (key, $0) } }
            deploy.append(("resources", .map([("limits", .textMap(amounts))])))
        }
        if !deploy.isEmpty { pairs.append(("deploy", .map(deploy))) }
        if let prefix = service.routePrefix {
            pairs.append(
                (
                    "labels",
                    .texts([
                        "traefik.enable=true", "traefik.http.routers.\(service.name).rule=PathPrefix(`\(prefix)`)",
                        "traefik.http.services.\(service.name).loadbalancer.server.port=\(service.port)",
                    ])
                )
            )
        }
        return .map(pairs)
    }
}
