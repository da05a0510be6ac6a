/// One deployable service and what it owns.
public struct ServiceSpec: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case api, web, worker, cron }

    public var name: String
    public var kind: Kind
    public var description: String
    /// Gateway route prefix, e.g. `/api/catalog`.
    public var apiPrefix: String
    public var entities: [String]
    /// Services this one calls; each must start first.
    public var dependsOn: [String]

    enum CodingKeys: String, CodingKey {
        case name, kind, description, entities
        case apiPrefix = "api_prefix"
        case dependsOn = "depends_on"
    }

    public init(
        name: String,
        kind: Kind,
        description: String,
        apiPrefix: String,
        entities: [String],
        dependsOn: [String]
    ) {
        self.name = name
        self.kind = kind
        self.description = description
        self.apiPrefix = apiPrefix
        self.entities = entities
        self.dependsOn = dependsOn
    }
}

/// How the application is cut into services.
public struct ArchitectureSection: Codable, Sendable, Hashable {
    public var style: String
    public var services: [ServiceSpec]
    public var practices: [String]

    public init(style: String, services: [ServiceSpec], practices: [String]) {
        self.style = style
        self.services = services
        self.practices = practices
    }

    /// The service that owns `entity`, if any.
    public func owner(of entity: String) -> ServiceSpec? { services.first { $0.entities.contains(entity) } }
}
