/// Everything the team knows about one industry: its consultant, domain model, features,
/// compliance checklist and seed-data hints. Loaded from `industries/<id>.yaml`.
public struct Industry: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    /// The brief used when the user gives none.
    public var defaultBrief: String
    public var brand: Brand
    /// The industry consultant who joins the standing team.
    public var consultant: Persona
    /// User roles besides the anonymous visitor, e.g. `customer`, `admin`.
    public var roles: [String]
    /// The ISO 4217 code of the currency money fields are in; needed when any field is `money`.
    public var currency: String?
    public var contexts: [BoundedContext]
    public var entities: [DomainEntity]
    /// The state machines of entities with a status: what a record may go through, and who moves it.
    public var lifecycles: [Lifecycle]
    /// Quantities on hand that orders reserve (a product's stock).
    public var stocks: [Stock]
    /// Bookings that may not overlap for the same resource (a practitioner's appointments).
    public var schedules: [Schedule]
    /// Records whose creation takes a unit of another service's stock (an enrolment's seat).
    public var claims: [Claim]
    /// Orders placed with their lines in one request, taking another service's stock.
    public var placements: [Placement]
    /// Records whose posting moves another service's money balance (a ledger transaction's account).
    public var postings: [Posting]
    /// Records that may be written only when a matching record of another entity exists.
    public var preconditions: [Precondition]
    public var features: [Feature]
    public var compliance: [ComplianceItem]
    public var seed: [SeedHint]

    enum CodingKeys: String, CodingKey {
        case id, name, description, brand, consultant, roles, currency, contexts, entities, lifecycles, stocks, schedules, claims, placements, postings, preconditions, features, compliance, seed
        case defaultBrief = "default_brief"
    }

    public init(
        id: String,
        name: String,
        description: String,
        defaultBrief: String,
        brand: Brand,
        consultant: Persona,
        roles: [String],
        currency: String? = nil,
        contexts: [BoundedContext],
        entities: [DomainEntity],
        lifecycles: [Lifecycle] = [],
        stocks: [Stock] = [],
        schedules: [Schedule] = [],
        claims: [Claim] = [],
        placements: [Placement] = [],
        postings: [Posting] = [],
        preconditions: [Precondition] = [],
        features: [Feature],
        compliance: [ComplianceItem],
        seed: [SeedHint]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.defaultBrief = defaultBrief
        self.brand = brand
        self.consultant = consultant
        self.roles = roles
        self.currency = currency
        self.contexts = contexts
        self.entities = entities
        self.lifecycles = lifecycles
        self.stocks = stocks
        self.schedules = schedules
        self.claims = claims
        self.placements = placements
        self.postings = postings
        self.preconditions = preconditions
        self.features = features
        self.compliance = compliance
        self.seed = seed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        defaultBrief = try container.decode(String.self, forKey: .defaultBrief)
        brand = try container.decode(Brand.self, forKey: .brand)
        consultant = try container.decode(Persona.self, forKey: .consultant)
        roles = try container.decodeIfPresent([String].self, forKey: .roles) ?? []
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        contexts = try container.decode([BoundedContext].self, forKey: .contexts)
        entities = try container.decode([DomainEntity].self, forKey: .entities)
        lifecycles = try container.decodeIfPresent([Lifecycle].self, forKey: .lifecycles) ?? []
        stocks = try container.decodeIfPresent([Stock].self, forKey: .stocks) ?? []
        schedules = try container.decodeIfPresent([Schedule].self, forKey: .schedules) ?? []
        claims = try container.decodeIfPresent([Claim].self, forKey: .claims) ?? []
        placements = try container.decodeIfPresent([Placement].self, forKey: .placements) ?? []
        postings = try container.decodeIfPresent([Posting].self, forKey: .postings) ?? []
        preconditions = try container.decodeIfPresent([Precondition].self, forKey: .preconditions) ?? []
        features = try container.decode([Feature].self, forKey: .features)
        compliance = try container.decodeIfPresent([ComplianceItem].self, forKey: .compliance) ?? []
        seed = try container.decodeIfPresent([SeedHint].self, forKey: .seed) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(defaultBrief, forKey: .defaultBrief)
        try container.encode(brand, forKey: .brand)
        try container.encode(consultant, forKey: .consultant)
        try container.encode(roles, forKey: .roles)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encode(contexts, forKey: .contexts)
        try container.encode(entities, forKey: .entities)
        try container.encode(lifecycles, forKey: .lifecycles)
        try container.encode(stocks, forKey: .stocks)
        try container.encode(schedules, forKey: .schedules)
        try container.encode(claims, forKey: .claims)
        try container.encode(placements, forKey: .placements)
        try container.encode(postings, forKey: .postings)
        // Written only when some: an industry without them encodes as it always has.
        if !preconditions.isEmpty { try container.encode(preconditions, forKey: .preconditions) }
        try container.encode(features, forKey: .features)
        try container.encode(compliance, forKey: .compliance)
        try container.encode(seed, forKey: .seed)
    }

    /// The role services take when they call each other (to reserve stock); never a person's.
    public static let serviceRole = "service"

    /// Whether `brief` is this industry's own (or none was given): its features, roles and rules are
    /// then what the application must have; another brief decides the domain itself.
    public func isOwnBrief(_ brief: String) -> Bool { brief.isEmpty || brief == defaultBrief }

    /// The entities named and everything they refer to, in the domain model's order.
    public func closure(of names: [String]) -> [String] {
        var included = Set(names)
        var changed = true
        while changed {
            changed = false
            for entity in entities where included.contains(entity.name) {
                for relation in entity.relations where included.insert(relation.entity).inserted { changed = true }
            }
        }
        return entities.map(\.name).filter(included.contains)
    }

    /// The entity named `name`, if the domain model has it.
    public func entity(named name: String) -> DomainEntity? { entities.first { $0.name == name } }

    /// The entity whose balance `posting` moves (its relation's target), by name.
    public func account(of posting: Posting) -> String? {
        entity(named: posting.entity)?.relations.first { $0.name == posting.account }?.entity
    }

    /// Compliance items checked in `phase`.
    public func compliance(for phase: Phase) -> [ComplianceItem] { compliance.filter { $0.phase == phase } }
}
