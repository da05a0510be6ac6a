import Foundation
import GravityModel

/// `gravity-app.yaml`: what the generators write at the top of an app so that `deploy` knows its
/// services, its gateway and its targets.
public struct AppDescriptor: Codable, Sendable, Hashable {
    public static let fileName = "gravity-app.yaml"

    public struct Service: Codable, Sendable, Hashable {
        public var name: String
        public var path: String
        public var apiPrefix: String?

        enum CodingKeys: String, CodingKey {
            case name, path
            case apiPrefix = "api_prefix"
        }

        public init(name: String, path: String, apiPrefix: String? = nil) {
            self.name = name
            self.path = path
            self.apiPrefix = apiPrefix
        }
    }

    public struct Gateway: Codable, Sendable, Hashable {
        public var port: Int?
        /// The static frontend, relative to the app.
        public var frontend: String?
        /// The nginx template of the local target, relative to the app.
        public var local: String?

        public init(port: Int? = nil, frontend: String? = nil, local: String? = nil) {
            self.port = port
            self.frontend = frontend
            self.local = local
        }
    }

    public var name: String
    public var title: String?
    public var industry: String?
    public var brief: String?
    public var services: [Service]
    public var gateway: Gateway?
    public var targets: [String]?

    public init(
        name: String,
        title: String? = nil,
        industry: String? = nil,
        brief: String? = nil,
        services: [Service],
        gateway: Gateway? = nil,
        targets: [String]? = nil
    ) {
        self.name = name
        self.title = title
        self.industry = industry
        self.brief = brief
        self.services = services
        self.gateway = gateway
        self.targets = targets
    }

    /// The descriptor as `gravity-app.yaml` text, after `comment`.
    public func yaml(comment: [String] = []) throws -> String { try YAMLText.file(self, named: Self.fileName, comment: comment) }

    /// Reads and checks `gravity-app.yaml` in `directory`.
    public static func load(from directory: String) throws -> AppDescriptor {
        let document = try YAMLDocument.loadLocated(AppDescriptor.self, from: "\(directory)/\(fileName)", displayPath: fileName)
        let descriptor = document.value
        guard Identifier.isValid(descriptor.name, allowingDashes: true) else {
            throw document.invalid("'\(descriptor.name)' must be lowercase letters, digits and dashes", at: ["name"])
        }
        for (index, service) in descriptor.services.enumerated() {
            guard !service.path.hasPrefix("/"), !service.path.split(separator: "/").contains("..") else {
                throw document.invalid("'\(service.path)' must be a path inside the app", at: ["services", .index(index), "path"])
            }
        }
        if let port = descriptor.gateway?.port, !(1...65_535).contains(port) {
            throw document.invalid("\(port) is not a port number", at: ["gateway", "port"])
        }
        return descriptor
    }
}
