/// A many-to-one link from one entity to another (the foreign key lives on the owning entity).
public struct DomainRelation: Codable, Sendable, Hashable {
    /// The field name on the owning entity, e.g. `category` (stored as `category_id`).
    public var name: String
    /// The entity referred to.
    public var entity: String
    public var required: Bool

    public init(name: String, entity: String, required: Bool = true) {
        self.name = name
        self.entity = entity
        self.required = required
    }

    enum CodingKeys: String, CodingKey { case name, entity, required }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        entity = try container.decode(String.self, forKey: .entity)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? true
    }
}
