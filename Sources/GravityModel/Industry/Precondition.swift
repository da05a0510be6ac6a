/// A rule a record must meet when it is created or changed: a record of another entity that
/// matches it must exist (only a customer who ordered a product may review it). The service
/// refuses the write with a 409 that says `text`.
public struct Precondition: Codable, Sendable, Hashable {
    public var id: String
    /// The entity whose records are checked.
    public var entity: String
    /// Said to the client whose write is refused.
    public var text: String
    /// The entity of which a matching record must exist.
    public var exists: String
    /// A path on `exists` (relations joined by dots, ending in a field or relation) mapped to the
    /// field or relation of `entity` it must equal: `purchase_order.customer: customer`.
    public var matching: [String: String]
    /// A path on `exists` to a choice field, mapped to values that do not count (a cancelled order).
    public var excluding: [String: [String]]

    public init(id: String, entity: String, text: String, exists: String, matching: [String: String], excluding: [String: [String]] = [:]) {
        self.id = id
        self.entity = entity
        self.text = text
        self.exists = exists
        self.matching = matching
        self.excluding = excluding
    }

    enum CodingKeys: String, CodingKey { case id, entity, text, exists, matching, excluding }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        entity = try container.decode(String.self, forKey: .entity)
        text = try container.decode(String.self, forKey: .text)
        exists = try container.decode(String.self, forKey: .exists)
        matching = try container.decode([String: String].self, forKey: .matching)
        excluding = try container.decodeIfPresent([String: [String]].self, forKey: .excluding) ?? [:]
    }

    /// The entities the check reads: `exists`, and those its paths join, in `industry`'s relations.
    public func entitiesRead(in industry: Industry) -> [String] {
        var read = [exists]
        for path in matching.keys.sorted() + excluding.keys.sorted() {
            var current = industry.entity(named: exists)
            for step in Self.steps(of: path).dropLast() {
                guard let next = current?.relations.first(where: { $0.name == step })?.entity else { break }
                if !read.contains(next) { read.append(next) }
                current = industry.entity(named: next)
            }
        }
        return read
    }

    /// The steps of a path: relation names, then a last field or relation name.
    public static func steps(of path: String) -> [String] { path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
}
