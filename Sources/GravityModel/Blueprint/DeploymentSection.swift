/// Where the application can be deployed.
public enum DeploymentTarget: String, Codable, Sendable, CaseIterable {
    case local, compose, kubernetes
}

/// How one service runs once deployed.
public struct DeploymentUnit: Codable, Sendable, Hashable {
    public var service: String
    public var replicas: Int
    public var healthCheck: String
    public var cpuLimit: String
    public var memoryLimit: String

    enum CodingKeys: String, CodingKey {
        case service, replicas
        case healthCheck = "health_check"
        case cpuLimit = "cpu_limit"
        case memoryLimit = "memory_limit"
    }

    public init(service: String, replicas: Int, healthCheck: String, cpuLimit: String, memoryLimit: String) {
        self.service = service
        self.replicas = replicas
        self.healthCheck = healthCheck
        self.cpuLimit = cpuLimit
        self.memoryLimit = memoryLimit
    }
}

/// The deployment decisions: targets, gateway and per-service runtime settings.
public struct DeploymentSection: Codable, Sendable, Hashable {
    public var targets: [DeploymentTarget]
    /// Reverse proxy per target, e.g. nginx locally and Traefik under compose.
    public var gateways: [String: String]
    public var units: [DeploymentUnit]
    public var practices: [String]

    public init(targets: [DeploymentTarget], gateways: [String: String], units: [DeploymentUnit], practices: [String]) {
        self.targets = targets
        self.gateways = gateways
        self.units = units
        self.practices = practices
    }
}
