/// A thing the application stores: its fields, its relations and the bounded context that owns it.
public struct DomainEntity: Codable, Sendable, Hashable {
    public var name: String
    /// Plural used in routes and table names, e.g. `categories`.
    public var plural: String
    /// The bounded context (see `BoundedContext`) the entity belongs to.
    public var context: String
    public var description: String
    public var fields: [DomainField]
    public var relations: [DomainRelation]
    /// Fields and relations whose values together may appear once (one review per customer per product).
    public var uniqueTogether: [[String]]

    public init(
        name: String,
        plural: String,
        context: String,
        description: String = "",
        fields: [DomainField],
        relations: [DomainRelation] = [],
        uniqueTogether: [[String]] = []
    ) {
        self.name = name
        self.plural = plural
        self.context = context
        self.description = description
        self.fields = fields
        self.relations = relations
        self.uniqueTogether = uniqueTogether
    }

    enum CodingKeys: String, CodingKey {
        case name, plural, context, description, fields, relations
        case uniqueTogether = "unique_together"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        plural = try container.decodeIfPresent(String.self, forKey: .plural) ?? name + "s"
        context = try container.decode(String.self, forKey: .context)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        fields = try container.decode([DomainField].self, forKey: .fields)
        relations = try container.decodeIfPresent([DomainRelation].self, forKey: .relations) ?? []
        uniqueTogether = try container.decodeIfPresent([[String]].self, forKey: .uniqueTogether) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(plural, forKey: .plural)
        try container.encode(context, forKey: .context)
        try container.encode(description, forKey: .description)
        try container.encode(fields, forKey: .fields)
        try container.encode(relations, forKey: .relations)
        // Written only when some: an entity without it reads as it always has.
        if !uniqueTogether.isEmpty { try container.encode(uniqueTogether, forKey: .uniqueTogether) }
    }
}
