/// What the application must do: features in scope, the entities they need and the user roles.
public struct RequirementsSection: Codable, Sendable, Hashable {
    public var appName: String
    public var summary: String
    public var roles: [String]
    /// The ISO 4217 code of the currency money is in, when the application handles money.
    public var currency: String?
    public var features: [Feature]
    /// Entity names in scope, in domain-model order.
    public var entities: [String]
    public var practices: [String]

    enum CodingKeys: String, CodingKey {
        case summary, roles, currency, features, entities, practices
        case appName = "app_name"
    }

    public init(
        appName: String,
        summary: String,
        roles: [String],
        currency: String? = nil,
        features: [Feature],
        entities: [String],
        practices: [String]
    ) {
        self.appName = appName
        self.summary = summary
        self.roles = roles
        self.currency = currency
        self.features = features
        self.entities = entities
        self.practices = practices
    }
}
