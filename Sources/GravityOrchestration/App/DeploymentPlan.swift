import Foundation
import GravityDeployContract

/// Everything `deploy` needs to know about a directory of services, read and checked before
/// anything is started: the services in start order, where each lives, and the gateway.
public struct DeploymentPlan: Sendable {
    public struct Service: Sendable {
        public var manifest: ServiceManifest
        /// Absolute path of the service's directory.
        public var directory: String
        public var name: String { manifest.name }
    }

    /// Absolute path of the app.
    public var root: String
    public var name: String
    /// Start order: dependencies first.
    public var services: [Service]
    /// Absolute path of the static frontend, when there is one.
    public var frontend: String?
    /// Absolute path of the app's own nginx template, when it has one.
    public var gatewayTemplate: String?
    public var defaultPort: Int

    /// The app's state directory: deploy state, logs, databases, secrets.
    public var stateDirectory: String { "\(root)/.gravity" }

    /// Reads `directory`: a generated app (`gravity-app.yaml`) or a folder of services that each have
    /// a `gravity-service.yaml` (directly or under `services/`).
    public static func load(_ directory: String) throws -> DeploymentPlan {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DeployError.notADirectory(directory)
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: "\(root)/\(AppDescriptor.fileName)") {
            let descriptor = try AppDescriptor.load(from: root)
            var found: [Service] = []
            for service in descriptor.services {
                let path = "\(root)/\(service.path)"
                let display = "\(service.path)/\(ManifestLoader.fileName)"
                guard manager.fileExists(atPath: "\(path)/\(ManifestLoader.fileName)") else {
                    throw DeployError.missingManifest(display)
                }
                found.append(
                    Service(manifest: try ManifestLoader.load("\(path)/\(ManifestLoader.fileName)", displayPath: display), directory: path)
                )
            }
            let gateway = descriptor.gateway
            return try DeploymentPlan(
                root: root,
                name: descriptor.name,
                found: found,
                frontend: gateway?.frontend.map { "\(root)/\($0)" },
                gatewayTemplate: gateway?.local.map { "\(root)/\($0)" },
                defaultPort: gateway?.port ?? 8080
            )
        }
        let found = try ManifestLoader.discover(in: root).map { Service(manifest: $0.manifest, directory: $0.path) }
        guard !found.isEmpty else { throw DeployError.nothingToDeploy(directory) }
        let frontend = manager.fileExists(atPath: "\(root)/frontend/index.html") ? "\(root)/frontend" : nil
        let name = URL(fileURLWithPath: root).lastPathComponent
        return try DeploymentPlan(root: root, name: name, found: found, frontend: frontend, gatewayTemplate: nil, defaultPort: 8080)
    }

    private init(root: String, name: String, found: [Service], frontend: String?, gatewayTemplate: String?, defaultPort: Int) throws {
        let ordered = try DependencyResolver.startOrder(found.map(\.manifest))
        let byName = Dictionary(found.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.root = root
        self.name = name
        self.services = ordered.compactMap { byName[$0.name] }
        self.frontend = frontend
        self.gatewayTemplate = gatewayTemplate
        self.defaultPort = defaultPort
    }

    /// The service named `name`.
    public func service(_ name: String) -> Service? { services.first { $0.name == name } }

    /// Services grouped in waves: each wave depends only on earlier waves, so a wave starts at once.
    public var waves: [[Service]] {
        var placed: [String: Int] = [:]
        var result: [[Service]] = []
        for service in services {
            let level = service.manifest.dependencies.compactMap { placed[$0.name] }.max().map { $0 + 1 } ?? 0
            placed[service.name] = level
            if result.count <= level { result.append([]) }
            result[level].append(service)
        }
        return result
    }

    /// Routes of the gateway: API prefix to service, in start order.
    public var routes: [(prefix: String, service: String)] {
        services.compactMap { service in service.manifest.apiPrefix.map { ($0, service.name) } }
    }
}

extension DeploymentPlan {
    /// The first administrator's email and the service that signs people in (the one whose
    /// environment names ADMIN_EMAIL), when the app has one.
    public var administrator: (email: String, service: Service)? {
        for service in services {
            if let email = service.manifest.environment.variables["ADMIN_EMAIL"] { return (email, service) }
        }
        return nil
    }
}
