import Foundation

/// What a service declares in `gravity-service.yaml`: what it is, what it needs (services,
/// databases, secrets) and how to run and check it.
public struct ServiceManifest: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case api, web, worker, cron }
    public enum DatabaseType: String, Codable, Sendable, CaseIterable { case sqlite, postgresql, mysql, mongodb, redis }

    /// Another service this one needs.
    public struct Dependency: Codable, Sendable, Hashable {
        public var name: String
        public var version: VersionConstraint
        public var optional: Bool

        public init(name: String, version: VersionConstraint, optional: Bool = false) {
            self.name = name
            self.version = version
            self.optional = optional
        }

        enum CodingKeys: String, CodingKey { case name, version, optional }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            version = try container.decodeIfPresent(VersionConstraint.self, forKey: .version) ?? VersionConstraint(parsing: "*")!
            optional = try container.decodeIfPresent(Bool.self, forKey: .optional) ?? false
        }
    }

    /// A database the service needs created.
    public struct Database: Codable, Sendable, Hashable {
        public var name: String
        public var type: DatabaseType
        public var version: String?
        public var extensions: [String]
        /// Directory of ordered `.sql` migrations, relative to the service.
        public var migrations: String?
        /// Seed script applied once after the first migrations, relative to the service.
        public var seed: String?

        public init(
            name: String,
            type: DatabaseType,
            version: String? = nil,
            extensions: [String] = [],
            migrations: String? = nil,
            seed: String? = nil
        ) {
            self.name = name
            self.type = type
            self.version = version
            self.extensions = extensions
            self.migrations = migrations
            self.seed = seed
        }

        enum CodingKeys: String, CodingKey { case name, type, version, extensions, migrations, seed }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            type = try container.decode(DatabaseType.self, forKey: .type)
            version = try container.decodeIfPresent(String.self, forKey: .version)
            extensions = try container.decodeIfPresent([String].self, forKey: .extensions) ?? []
            migrations = try container.decodeIfPresent(String.self, forKey: .migrations)
            seed = try container.decodeIfPresent(String.self, forKey: .seed)
        }
    }

    /// How to tell that the service is up.
    public struct HealthCheck: Codable, Sendable, Hashable {
        public var endpoint: String
        /// Seconds between checks.
        public var interval: Double
        /// Seconds a check may take.
        public var timeout: Double
        /// Failed checks before the service is declared unhealthy.
        public var retries: Int
        /// Seconds a starting service is given before its failed checks count, as Compose's
        /// `start_period`: a service that loads a lot before it listens needs it on a busy machine.
        public var startPeriod: Double

        public static let standard = HealthCheck(endpoint: "/health", interval: 5, timeout: 2, retries: 10)

        public init(endpoint: String, interval: Double, timeout: Double, retries: Int, startPeriod: Double = 0) {
            self.endpoint = endpoint
            self.interval = interval
            self.timeout = timeout
            self.retries = retries
            self.startPeriod = startPeriod
        }

        /// How long a starting (or restarted) service may take to answer its first check.
        public var startupBudget: Double { max(startPeriod + interval * Double(retries), 2) }

        enum CodingKeys: String, CodingKey {
            case endpoint, interval, timeout, retries
            case startPeriod = "start_period"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            endpoint = try container.decodeIfPresent(String.self, forKey: .endpoint) ?? Self.standard.endpoint
            interval = try container.decodeIfPresent(Double.self, forKey: .interval) ?? Self.standard.interval
            timeout = try container.decodeIfPresent(Double.self, forKey: .timeout) ?? Self.standard.timeout
            retries = try container.decodeIfPresent(Int.self, forKey: .retries) ?? Self.standard.retries
            startPeriod = try container.decodeIfPresent(Double.self, forKey: .startPeriod) ?? 0
        }
    }

    /// Variables given to the service as they are, and secrets generated once per deployment.
    public struct Environment: Codable, Sendable, Hashable {
        public var variables: [String: String]
        public var secrets: [String]

        public static let empty = Environment(variables: [:], secrets: [])

        public init(variables: [String: String], secrets: [String]) {
            self.variables = variables
            self.secrets = secrets
        }

        enum CodingKeys: String, CodingKey { case variables, secrets }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            variables = try container.decodeIfPresent([String: String].self, forKey: .variables) ?? [:]
            secrets = try container.decodeIfPresent([String].self, forKey: .secrets) ?? []
        }
    }

    public var name: String
    public var version: SemanticVersion
    public var description: String
    public var type: Kind
    public var runtime: String?
    /// The program and its arguments; `${PORT}` and other `${VAR}` are filled in from the environment.
    public var command: [String]
    /// Run before the first start (migrations); optional.
    public var migrate: [String]?
    public var ports: [Int]
    public var apiPrefix: String?
    public var isPublic: Bool
    public var cpuLimit: String?
    public var memoryLimit: String?
    public var replicas: Int
    public var dependencies: [Dependency]
    public var databases: [Database]
    public var healthCheck: HealthCheck
    public var environment: Environment

    // In the order a manifest is written.
    enum CodingKeys: String, CodingKey {
        case name, version, description, type, runtime, command, migrate, ports
        case apiPrefix = "api_prefix"
        case isPublic = "public"
        case cpuLimit = "cpu_limit"
        case memoryLimit = "memory_limit"
        case replicas, dependencies, databases
        case healthCheck = "health_check"
        case environment
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        version = try container.decode(SemanticVersion.self, forKey: .version)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        type = try container.decodeIfPresent(Kind.self, forKey: .type) ?? .api
        runtime = try container.decodeIfPresent(String.self, forKey: .runtime)
        if let list = try? container.decodeIfPresent([String].self, forKey: .command) {
            command = list
        } else {
            command = (try container.decodeIfPresent(String.self, forKey: .command) ?? "").split(separator: " ").map(String.init)
        }
        migrate = try container.decodeIfPresent([String].self, forKey: .migrate)
        ports = try container.decodeIfPresent([Int].self, forKey: .ports) ?? []
        apiPrefix = try container.decodeIfPresent(String.self, forKey: .apiPrefix)
        isPublic = try container.decodeIfPresent(Bool.self, forKey: .isPublic) ?? false
        cpuLimit = try container.decodeIfPresent(String.self, forKey: .cpuLimit)
        memoryLimit = try container.decodeIfPresent(String.self, forKey: .memoryLimit)
        replicas = try container.decodeIfPresent(Int.self, forKey: .replicas) ?? 1
        dependencies = try container.decodeIfPresent([Dependency].self, forKey: .dependencies) ?? []
        databases = try container.decodeIfPresent([Database].self, forKey: .databases) ?? []
        healthCheck = try container.decodeIfPresent(HealthCheck.self, forKey: .healthCheck) ?? .standard
        environment = try container.decodeIfPresent(Environment.self, forKey: .environment) ?? .empty
    }

    /// A manifest built in code (tests, tools).
    public init(name: String, version: SemanticVersion, dependencies: [Dependency] = []) {
        self.name = name
        self.version = version
        self.description = ""
        self.type = .api
        self.command = []
        self.ports = []
        self.isPublic = false
        self.replicas = 1
        self.dependencies = dependencies
        self.databases = []
        self.healthCheck = .standard
        self.environment = .empty
    }
}
