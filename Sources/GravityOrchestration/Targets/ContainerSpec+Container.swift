import Foundation
import GravityDeployContract
import GravityModel

extension ContainerSpec {
    /// The service as a container of the deploy contract, for the Compose and Kubernetes renderers.
    func container(app: String) -> ContainerService {
        let check = manifest.healthCheck
        let probe = Probe(
            path: check.endpoint,
            port: Self.port,
            periodSeconds: max(1, Int(check.interval.rounded())),
            timeoutSeconds: max(1, Int(check.timeout.rounded())),
            failureThreshold: check.retries
        )
        var liveness = probe
        if check.startPeriod > 0 { liveness.initialDelaySeconds = Int(check.startPeriod.rounded(.up)) }
        let health = ContainerHealth(
            test: ["CMD-SHELL", healthTest],
            interval: Self.duration(check.interval),
            timeout: Self.duration(check.timeout),
            retries: check.retries,
            startPeriod: check.startPeriod > 0 ? Self.duration(check.startPeriod) : nil,
            readiness: probe,
            liveness: liveness
        )
        var container = ContainerService(
            name: name,
            directory: path,
            source: source,
            image: "\(app)/\(name):\(manifest.version)",
            port: Self.port,
            health: health
        )
        container.routePrefix = manifest.apiPrefix
        container.environment = environment
        container.dataVolume = !sqlite.isEmpty
        container.databaseServers = servers.map(server)
        // SQLite allows one writer.
        container.replicas = sqlite.isEmpty ? manifest.replicas : 1
        if manifest.cpuLimit != nil || manifest.memoryLimit != nil {
            container.kubernetesLimits = ResourceAmounts(cpu: manifest.cpuLimit, memory: manifest.memoryLimit)
        }
        container.comment = [ContainerTargets.marker + "."]
        return container
    }

    /// Built from its Dockerfile, or its runtime's image installing requirements.txt and running the command.
    var source: ContainerService.Source {
        if hasDockerfile { return .dockerfile }
        let start = command.map(Self.shellQuoted).joined(separator: " ")
        let install = hasRequirements ? "pip install --no-cache-dir -r requirements.txt && " : ""
        return .runtime(image: baseImage, shellCommand: install + "exec " + start)
    }

    /// Plain variables, then secrets, then the database servers' addresses (secret under Kubernetes).
    var environment: [EnvironmentVariable] {
        let compose = variables(serviceURL: { "http://\($0):\(Self.port)" })
        // Under Kubernetes a service is reached at its Service's name, a DNS label.
        let kubernetes = Dictionary(
            variables(serviceURL: { "http://\(ContainerService.kubernetesName($0))" }), uniquingKeysWith: { first, _ in first }
        )
        var environment = compose.map { key, value in EnvironmentVariable.text(key, compose: value, kubernetes: kubernetes[key] ?? value) }
        environment += manifest.environment.secrets.sorted().map { EnvironmentVariable.secret($0) }
        for (index, database) in servers.enumerated() {
            let variable =
                index == 0 && manifest.databases.first == database ? "DATABASE_URL" : Naming.environmentName(database.name) + "_URL"
            let password = EnvironmentVariable.required(Self.passwordVariable(database), "set it in deploy/.env")
            let engine = Self.engine(database.type)
            let address = "\(host(database)):\(engine.port)"
            let compose: String
            switch engine {
            case .postgresql: compose = "postgresql://\(database.name):\(password)@\(address)/\(database.name)"
            case .mysql: compose = "mysql://\(database.name):\(password)@\(address)/\(database.name)"
            // The user is made in the admin database, so that is where it signs in.
            case .mongodb: compose = "mongodb://\(database.name):\(password)@\(address)/\(database.name)?authSource=admin"
            case .redis: compose = "redis://:\(password)@\(address)/0"
            }
            let key = Naming.environmentName(name) + "_" + Naming.environmentName(database.name) + "_URL"
            environment.append(EnvironmentVariable(name: variable, compose: compose, kubernetes: .secret(key: key)))
        }
        return environment
    }

    static func engine(_ type: ServiceManifest.DatabaseType) -> DatabaseServer.Engine {
        switch type {
        case .mysql: .mysql
        case .mongodb: .mongodb
        case .redis: .redis
        case .postgresql, .sqlite: .postgresql
        }
    }

    /// The Compose container of a database server, in the version the manifest asks for.
    func server(_ database: ServiceManifest.Database) -> DatabaseServer {
        let engine = Self.engine(database.type)
        let image: String
        switch engine {
        case .postgresql: image = "postgres:\(database.version ?? "16")-alpine"
        case .mysql: image = "mysql:\(database.version ?? "8.4")"
        case .mongodb: image = "mongo:\(database.version ?? "7.0")"
        case .redis: image = "redis:\(database.version ?? "7.4")-alpine"
        }
        return DatabaseServer(
            engine: engine,
            host: host(database),
            image: image,
            database: database.name,
            user: database.name,
            password: EnvironmentVariable.required(Self.passwordVariable(database), "set it in deploy/.env"),
            volume: "\(host(database))-data",
            retries: 10
        )
    }

    func host(_ database: ServiceManifest.Database) -> String {
        "\(name)-\(database.name)".replacingOccurrences(of: "_", with: "-")
    }

    static func passwordVariable(_ database: ServiceManifest.Database) -> String { Naming.environmentName(database.name) + "_PASSWORD" }

    static func shellQuoted(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,@".contains($0) }
            ? word : "'" + Escaping.replacing(word) { $0 == "'" ? "'\\''" : nil } + "'"
    }

    /// Seconds as a Compose duration: `5s`, `2500ms`.
    static func duration(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(Int((value * 1000).rounded()))ms"
    }
}
