import GravityDeployContract
import GravityModel

extension GeneratedContainerApp {
    /// One generated service as a container.
    func container(_ service: AppModel.Service) -> ContainerService {
        let name = service.kubernetesName
        let postgres = service.productionEngine == .postgresql
        let url = "http://127.0.0.1:\(Self.port)\(service.healthCheck)"
        var container = ContainerService(
            name: service.name,
            directory: "services/\(service.name)",
            source: .dockerfile,
            image: "\(model.slug)/\(name):1.0.0",
            port: Self.port,
            health: ContainerHealth(
                test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('\(url)')"],
                interval: "5s",
                timeout: "3s",
                retries: 12,
                readiness: Probe(path: service.healthCheck, port: Self.port, periodSeconds: 5, failureThreshold: 3),
                liveness: Probe(path: service.healthCheck, port: Self.port, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3)
            )
        )
        container.routePrefix = service.apiPrefix
        container.environment = environment(service)
        container.dependencies = service.dependsOn
        container.dataVolume = !postgres
        if postgres {
            let password = Self.passwordVariable(service)
            container.databaseServers = [
                DatabaseServer(
                    host: "\(service.name)-db",
                    image: "postgres:15-alpine",
                    database: service.database,
                    user: service.name,
                    password: EnvironmentVariable.required(password, "set \(password) in deploy/.env"),
                    volume: "\(service.name)-pgdata",
                    retries: 12
                )
            ]
        }
        // SQLite allows one writer, so only a PostgreSQL-backed service runs more than one replica.
        container.replicas = postgres ? service.replicas : 1
        // An autoscaler only where the team adopted autoscaling, and only for a service that can scale out.
        let scales = postgres && model.adopts(.autoscaling)
        container.autoscaling = scales ? Self.autoscaling(service) : nil
        // Where the team adopted rolling updates, a new pod is ready before an old one stops; a
        // service on a SQLite volume cannot have two pods, so its old pod stops first.
        if model.adopts(.rollingUpdates) { container.updateStrategy = postgres ? .rolling : .recreate }
        // Where the team adopted backups, the image's backup command runs nightly at 02:00.
        if model.adopts(.backups) { container.backupSchedule = "0 2 * * *" }
        // Requests and limits where the team adopted them: the deployment unit's CPU and memory.
        if model.adopts(.resourceLimits) {
            container.composeLimits = ResourceAmounts(cpu: Self.cpus(service.cpuLimit), memory: Self.composeMemory(service.memoryLimit))
            container.kubernetesRequests = ResourceAmounts(cpu: "100m", memory: "128Mi")
            container.kubernetesLimits = ResourceAmounts(cpu: service.cpuLimit, memory: service.memoryLimit)
        }
        // The image runs as uid 10001.
        container.runAsUser = 10001
        container.comment = [
            scales
                ? "\(service.name): PostgreSQL-backed, so it scales out (HorizontalPodAutoscaler below)."
                : postgres
                    ? "\(service.name): PostgreSQL-backed; \(service.replicas) replica(s), with no autoscaler, as the team did not adopt deployment.autoscaling."
                    : "\(service.name): SQLite on a volume, so it runs as one replica; choose PostgreSQL for production in the Blueprint to scale it out."
        ]
        return container
    }

    /// What the service reads; Kubernetes lists its secrets in this order.
    func environment(_ service: AppModel.Service) -> [EnvironmentVariable] {
        var variables: [EnvironmentVariable] = [.secret("JWT_SECRET")]
        if service.productionEngine == .postgresql {
            let compose =
                "postgresql+psycopg://\(service.name):${\(Self.passwordVariable(service))}@\(service.name)-db:5432/\(service.database)"
            let key = "\(service.name.uppercased())_DATABASE_URL"
            variables.append(EnvironmentVariable(name: "DATABASE_URL", compose: compose, kubernetes: .secret(key: key)))
            variables.append(.text("DATABASE_POOL_SIZE", "\(poolSize(service))"))
        } else {
            variables.append(.text("DATABASE_URL", "sqlite:////data/\(service.database).sqlite"))
        }
        variables.append(.text("PAGE_SIZE", "\(model.pageSize)"))
        for other in service.referencedServices {
            variables.append(
                .text(
                    AppModel.Service.urlVariable(other),
                    compose: "http://\(other):\(Self.port)",
                    kubernetes: "http://\(ContainerService.kubernetesName(other)):80"
                )
            )
        }
        if service.isIdentity { variables += [.secret("ADMIN_EMAIL"), .secret("ADMIN_PASSWORD")] }
        return variables
    }
}

extension AppModel.Service {
    /// The name its Kubernetes objects go by (`_` is not allowed there).
    var kubernetesName: String { ContainerService.kubernetesName(name) }
}
