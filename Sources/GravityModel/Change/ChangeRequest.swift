/// A change to an application the team already built (`develop --from <app> --change-file`), in the
/// industry file's vocabulary: what to add (roles, contexts, entities, fields, features, rules) and
/// what to take away. A change given in words (`--change "..."`) has a summary and nothing else;
/// only a real model can read it.
public struct ChangeRequest: Codable, Sendable, Hashable {
    /// Names the change's migration (`0002_<name>.sql`) and transcript; a lowercase identifier.
    public var name: String
    /// One line: what the change is for.
    public var summary: String
    /// New roles; they come before the last (administering) role.
    public var roles: [String]
    /// New bounded contexts (each becomes a service).
    public var contexts: [BoundedContext]
    public var entities: [DomainEntity]
    /// Fields, relations and uniqueness added to entities the application has.
    public var extend: [EntityExtension]
    /// Fields and relations taken away: destructive, so `--allow-destructive` must say so.
    public var remove: [MemberRemoval]
    public var features: [Feature]
    /// New rules: lifecycles, stocks, schedules, claims, placements, postings and preconditions,
    /// each under its own key, as in an industry file.
    public var rules: IndustryRules

    enum CodingKeys: String, CodingKey { case name, summary, roles, contexts, entities, extend, remove, features }

    /// A change in words: a summary and no structure.
    public init(name: String, summary: String) {
        self.name = name
        self.summary = summary
        roles = []
        contexts = []
        entities = []
        extend = []
        remove = []
        features = []
        rules = IndustryRules()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        summary = try container.decode(String.self, forKey: .summary)
        roles = try container.decodeIfPresent([String].self, forKey: .roles) ?? []
        contexts = try container.decodeIfPresent([BoundedContext].self, forKey: .contexts) ?? []
        entities = try container.decodeIfPresent([DomainEntity].self, forKey: .entities) ?? []
        extend = try container.decodeIfPresent([EntityExtension].self, forKey: .extend) ?? []
        remove = try container.decodeIfPresent([MemberRemoval].self, forKey: .remove) ?? []
        features = try container.decodeIfPresent([Feature].self, forKey: .features) ?? []
        rules = try IndustryRules(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(summary, forKey: .summary)
        try container.encode(roles, forKey: .roles)
        try container.encode(contexts, forKey: .contexts)
        try container.encode(entities, forKey: .entities)
        try container.encode(extend, forKey: .extend)
        try container.encode(remove, forKey: .remove)
        try container.encode(features, forKey: .features)
        try rules.encode(to: encoder)
    }

    /// Whether the change is words only, with nothing structured the mock model could apply.
    public var isWordsOnly: Bool {
        roles.isEmpty && contexts.isEmpty && entities.isEmpty && extend.isEmpty && remove.isEmpty && features.isEmpty && rules.isEmpty
    }

    /// Whether it takes something away, which a migration cannot do without losing data.
    public var isDestructive: Bool { !remove.isEmpty }
}

/// Fields, relations and groups unique together, added to an entity the application has.
public struct EntityExtension: Codable, Sendable, Hashable {
    public var entity: String
    public var fields: [DomainField]
    public var relations: [DomainRelation]
    public var uniqueTogether: [[String]]

    enum CodingKeys: String, CodingKey {
        case entity, fields, relations
        case uniqueTogether = "unique_together"
    }

    public init(entity: String, fields: [DomainField] = [], relations: [DomainRelation] = [], uniqueTogether: [[String]] = []) {
        self.entity = entity
        self.fields = fields
        self.relations = relations
        self.uniqueTogether = uniqueTogether
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entity = try container.decode(String.self, forKey: .entity)
        fields = try container.decodeIfPresent([DomainField].self, forKey: .fields) ?? []
        relations = try container.decodeIfPresent([DomainRelation].self, forKey: .relations) ?? []
        uniqueTogether = try container.decodeIfPresent([[String]].self, forKey: .uniqueTogether) ?? []
    }
}

/// A field or relation an entity no longer has.
public struct MemberRemoval: Codable, Sendable, Hashable {
    public var entity: String
    /// The field's or relation's name.
    public var field: String

    public init(entity: String, field: String) {
        self.entity = entity
        self.field = field
    }
}
