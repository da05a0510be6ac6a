import GravityModel

/// An application as containers: what the Compose and Kubernetes renderers make their files from.
/// The generators describe a generated app with it, `deploy` a directory of hand-written services;
/// each fills in the values its files have always had, and the renderers own the file structure.
public struct ContainerApp: Codable, Sendable, Hashable {
    /// The project: Compose project, Kubernetes `part-of` label, Secret, Ingress and image prefix.
    public var name: String
    public var gateway: ContainerGateway
    /// Static files served beside the services, when the app has a frontend.
    public var frontend: StaticFrontend?
    /// In start order: dependencies first.
    public var services: [ContainerService]
    /// Whether pods carry the app's `part-of` label besides their own name.
    public var labelsPodsWithApp: Bool
    /// The Secret holding the Ingress's TLS certificate and key, when the Ingress serves HTTPS.
    public var tlsSecret: String?
    public var comments: FileComments

    public init(
        name: String,
        gateway: ContainerGateway,
        frontend: StaticFrontend? = nil,
        services: [ContainerService],
        labelsPodsWithApp: Bool,
        comments: FileComments
    ) {
        self.name = name
        self.gateway = gateway
        self.frontend = frontend
        self.services = services
        self.labelsPodsWithApp = labelsPodsWithApp
        self.comments = comments
    }

    /// The Kubernetes Secret's keys: every key a service reads from it, sorted.
    public var secretKeys: [String] {
        Set(services.flatMap { $0.environment.compactMap(\.kubernetes?.secretKey) }).sorted()
    }
}

/// The Traefik gateway in front of the Compose services.
public struct ContainerGateway: Codable, Sendable, Hashable {
    /// The host side of the published port: `8080`, or `${GATEWAY_PORT:-8080}` to let Compose choose.
    public var hostPort: String
    /// Whether the gateway reports its health (Traefik's ping) and waits for every service to be healthy.
    public var waitsForServices: Bool

    public init(hostPort: String, waitsForServices: Bool) {
        self.hostPort = hostPort
        self.waitsForServices = waitsForServices
    }
}

/// The static single-page application, served by nginx.
public struct StaticFrontend: Codable, Sendable, Hashable {
    /// Its folder relative to the app (mounted by Compose).
    public var directory: String
    /// Its files, paths relative to `directory` (carried in a ConfigMap by Kubernetes).
    public var files: [StaticFile]

    public init(directory: String, files: [StaticFile]) {
        self.directory = directory
        self.files = files
    }
}

/// One file of the static frontend.
public struct StaticFile: Codable, Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The comment lines at the top of each file (without `# `).
public struct FileComments: Codable, Sendable, Hashable {
    public var compose: [String]
    public var secrets: [String]
    public var frontend: [String]
    public var ingress: [String]

    public init(compose: [String], secrets: [String], frontend: [String] = [], ingress: [String] = []) {
        self.compose = compose
        self.secrets = secrets
        self.frontend = frontend
        self.ingress = ingress
    }
}
