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
    /// The workflows of entities in scope: a status the server moves through named transitions,
    /// each open to some roles from some states.
    public var lifecycles: [Lifecycle]
    /// Quantities on hand that orders reserve, never below zero.
    public var stocks: [Stock]
    /// Bookings that may not overlap for the same resource.
    public var schedules: [Schedule]
    /// Records whose creation takes a unit of another service's stock.
    public var claims: [Claim]
    /// Orders placed with their lines in one request, each line taking stock at its price.
    public var placements: [Placement]
    /// Records whose posting moves another service's balance, which never goes below zero.
    public var postings: [Posting]
    /// Records written only when a matching record of another entity exists.
    public var preconditions: [Precondition]
    public var practices: [String]

    enum CodingKeys: String, CodingKey {
        case summary, roles, currency, features, entities, lifecycles, stocks, schedules, claims, placements, postings, preconditions, practices
        case appName = "app_name"
    }

    public init(
        appName: String,
        summary: String,
        roles: [String],
        currency: String? = nil,
        features: [Feature],
        entities: [String],
        lifecycles: [Lifecycle] = [],
        stocks: [Stock] = [],
        schedules: [Schedule] = [],
        claims: [Claim] = [],
        placements: [Placement] = [],
        postings: [Posting] = [],
        preconditions: [Precondition] = [],
        practices: [String]
    ) {
        self.appName = appName
        self.summary = summary
        self.roles = roles
        self.currency = currency
        self.features = features
        self.entities = entities
        self.lifecycles = lifecycles
        self.stocks = stocks
        self.schedules = schedules
        self.claims = claims
        self.placements = placements
        self.postings = postings
        self.preconditions = preconditions
        self.practices = practices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appName = try container.decode(String.self, forKey: .appName)
        summary = try container.decode(String.self, forKey: .summary)
        roles = try container.decode([String].self, forKey: .roles)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        features = try container.decode([Feature].self, forKey: .features)
        entities = try container.decode([String].self, forKey: .entities)
        // An application without workflows may leave them out.
        lifecycles = try container.decodeIfPresent([Lifecycle].self, forKey: .lifecycles) ?? []
        stocks = try container.decodeIfPresent([Stock].self, forKey: .stocks) ?? []
        schedules = try container.decodeIfPresent([Schedule].self, forKey: .schedules) ?? []
        claims = try container.decodeIfPresent([Claim].self, forKey: .claims) ?? []
        placements = try container.decodeIfPresent([Placement].self, forKey: .placements) ?? []
        postings = try container.decodeIfPresent([Posting].self, forKey: .postings) ?? []
        preconditions = try container.decodeIfPresent([Precondition].self, forKey: .preconditions) ?? []
        practices = try container.decode([String].self, forKey: .practices)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(appName, forKey: .appName)
        try container.encode(summary, forKey: .summary)
        try container.encode(roles, forKey: .roles)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encode(features, forKey: .features)
        try container.encode(entities, forKey: .entities)
        try container.encode(lifecycles, forKey: .lifecycles)
        try container.encode(stocks, forKey: .stocks)
        try container.encode(schedules, forKey: .schedules)
        try container.encode(claims, forKey: .claims)
        try container.encode(placements, forKey: .placements)
        try container.encode(postings, forKey: .postings)
        // Written only when some: a Blueprint without them reads (and digests) as it always has.
        if !preconditions.isEmpty { try container.encode(preconditions, forKey: .preconditions) }
        try container.encode(practices, forKey: .practices)
    }

    /// The lifecycle of `entity`, if it has one.
    public func lifecycle(of entity: String) -> Lifecycle? { lifecycles.first { $0.entity == entity } }

    /// The schedule of `entity`, if it has one.
    public func schedule(of entity: String) -> Schedule? { schedules.first { $0.entity == entity } }

    /// The stock of `entity`, if it has one.
    public func stock(of entity: String) -> Stock? { stocks.first { $0.entity == entity } }
}
