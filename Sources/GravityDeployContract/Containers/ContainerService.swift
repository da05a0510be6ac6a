import GravityModel

/// One service as a container: how it is built or run, what it is given, how it is checked, what
/// it may use, and the database servers it has to itself.
public struct ContainerService: Codable, Sendable, Hashable {
    /// How Compose gets the service's image.
    public enum Source: Codable, Sendable, Hashable {
        /// Built from the Dockerfile in the service's directory.
        case dockerfile
        /// The runtime's image with the directory mounted read-only at /app, started by a shell command.
        case runtime(image: String, shellCommand: String)
    }

    public var name: String
    /// The service's directory relative to the app.
    public var directory: String
    public var source: Source
    /// The image Kubernetes runs (built and pushed from the Dockerfile).
    public var image: String
    /// The port the service listens on inside its container.
    public var port: Int
    /// The gateway's path prefix for the service, when it is routed.
    public var routePrefix: String?
    /// In order: Kubernetes lists the secret variables in this order.
    public var environment: [EnvironmentVariable]
    /// Services this one waits for under Compose (its database servers come on top).
    public var dependencies: [String]
    public var databaseServers: [DatabaseServer]
    /// Whether it keeps files under /data (a Compose volume, a Kubernetes volume claim).
    public var dataVolume: Bool
    public var health: ContainerHealth
    public var replicas: Int
    /// A HorizontalPodAutoscaler's range, when the service may scale out.
    public var autoscaling: ClosedRange<Int>?
    /// How Kubernetes replaces its pods on an update, when the app says (else the cluster's default).
    public var updateStrategy: UpdateStrategy?
    /// When Kubernetes runs the image's backup command (`python -m app.backup /backups`), as a cron
    /// schedule, when the service's database is backed up.
    public var backupSchedule: String?
    /// Compose's `deploy.resources.limits`.
    public var composeLimits: ResourceAmounts?
    public var kubernetesRequests: ResourceAmounts?
    public var kubernetesLimits: ResourceAmounts?
    /// The user id the pod runs as (and owns its volume as), when the image sets one.
    public var runAsUser: Int?
    /// The comment lines at the top of its Kubernetes file.
    public var comment: [String]

    public init(name: String, directory: String, source: Source, image: String, port: Int, health: ContainerHealth) {
        self.name = name
        self.directory = directory
        self.source = source
        self.image = image
        self.port = port
        self.environment = []
        self.dependencies = []
        self.databaseServers = []
        self.dataVolume = false
        self.health = health
        self.replicas = 1
        self.comment = []
    }

    /// The port a service listens on inside its container, whatever it uses on the host.
    public static let port = 8000

    /// The name Kubernetes objects of the service go by, and so the host other services reach it at.
    public var kubernetesName: String { Self.kubernetesName(name) }

    /// A service's name as a DNS label, which may not hold `_`: its Kubernetes objects' name and host.
    public static func kubernetesName(_ name: String) -> String { Naming.underscores(in: name, replacedBy: "-") }
}

/// How a Deployment replaces its pods with new ones.
public enum UpdateStrategy: String, Codable, Sendable, Hashable {
    /// One new pod at a time, started and ready before an old one stops: never fewer than the replicas asked for.
    case rolling
    /// Every old pod stops before a new one starts: for a volume only one pod may hold at a time.
    case recreate
}

/// CPU and memory amounts, in the notation of the file they go into (`500m` or `0.5`, `512Mi` or `512M`).
public struct ResourceAmounts: Codable, Sendable, Hashable {
    public var cpu: String?
    public var memory: String?

    public init(cpu: String? = nil, memory: String? = nil) {
        self.cpu = cpu
        self.memory = memory
    }
}

/// A PostgreSQL server a service has to itself under Compose.
public struct DatabaseServer: Codable, Sendable, Hashable {
    /// What runs in the container: every database type a manifest may name but SQLite (a file).
    public enum Engine: String, Codable, Sendable, Hashable {
        case postgresql, mysql, mongodb, redis

        /// The port it listens on inside the Compose network.
        public var port: Int {
            switch self {
            case .postgresql: 5432
            case .mysql: 3306
            case .mongodb: 27017
            case .redis: 6379
            }
        }

        /// Where the container keeps its data, on the named volume.
        public var dataDirectory: String {
            switch self {
            case .postgresql: "/var/lib/postgresql/data"
            case .mysql: "/var/lib/mysql"
            case .mongodb: "/data/db"
            case .redis: "/data"
            }
        }
    }

    public var engine: Engine
    /// The container's name, which is also its host name.
    public var host: String
    public var image: String
    public var database: String
    public var user: String
    /// The password as Compose reads it, e.g. `${SHOP_DB_PASSWORD:?set it in deploy/.env}`.
    public var password: String
    /// The named volume holding its data.
    public var volume: String
    /// Failed health checks (`pg_isready`, `mysqladmin ping`, ...) before it counts as unhealthy.
    public var retries: Int

    public init(
        engine: Engine = .postgresql, host: String, image: String, database: String, user: String, password: String, volume: String, retries: Int
    ) {
        self.engine = engine
        self.host = host
        self.image = image
        self.database = database
        self.user = user
        self.password = password
        self.volume = volume
        self.retries = retries
    }
}
