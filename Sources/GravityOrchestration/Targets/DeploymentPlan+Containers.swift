import GravityDeployContract

extension DeploymentPlan {
    /// The services as containers of the deploy contract: each from its manifest, behind a Traefik
    /// gateway on `GATEWAY_PORT` (the app's port unless set).
    var containerApp: ContainerApp {
        let specs = services.map { ContainerSpec($0, root: root) }
        var containers = specs.map { $0.container(app: name) }
        for index in containers.indices {
            containers[index].dependencies = specs[index].manifest.dependencies.filter { service($0.name) != nil }.map(\.name)
        }
        let secrets = Set(
            specs.flatMap { $0.manifest.environment.secrets } + specs.flatMap { $0.postgres.map(ContainerSpec.passwordVariable) }
        )
        let marker = ContainerTargets.marker
        return ContainerApp(
            name: name,
            gateway: ContainerGateway(hostPort: "${GATEWAY_PORT:-\(defaultPort)}", waitsForServices: false),
            services: containers,
            labelsPodsWithApp: false,
            comments: FileComments(
                compose: [
                    marker + "; refreshed by every `deploy --target compose`.",
                    "Secrets are read from deploy/.env: \(secrets.isEmpty ? "none" : secrets.sorted().joined(separator: ", ")).",
                    "Project: \(name) (deploy passes it with -p; a top-level name: would shut out docker-compose 1.x).",
                ],
                secrets: [marker + ". Fill in the values, then apply it once (it is not refreshed)."],
                ingress: [marker + "."]
            )
        )
    }
}
