/// What the application must do: features in scope, the entities they need and the user roles.
public struct RequirementsSection: Codable, Sendable, Hashable {
    public var appName: String
    public var summary: String
    public var roles: [String]
    public var features: [Feature]
    /// Entity names in scope, in domain-model order.
    public var entities: [String]
    public var practices: [String]

    enum CodingKeys: String, CodingKey {
        case summary, roles, features, entities, practices
        case appName = "app_name"
    }

    public init(
        appName: String,
        summary: String,
        roles: [String],
        features: [Feature],
        entities: [String],
        practices: [String]
    ) {
        self.appName = appName
        self.summary = summary
        self.roles = roles
        self.features = features
        self.entities = entities
        self.practices = practices
    }
}
