/// A record whose creation takes one unit of another service's stock, e.g. an enrolment taking a
/// seat of its course; some of its lifecycle's transitions (withdrawing) give the unit back.
public struct Claim: Codable, Sendable, Hashable {
    public var entity: String
    /// The relation to the record whose stock is taken (`course`).
    public var stock: String
    /// Transitions of the entity's lifecycle that release what it took.
    public var releasedBy: [String]

    enum CodingKeys: String, CodingKey {
        case entity, stock
        case releasedBy = "released_by"
    }

    public init(entity: String, stock: String, releasedBy: [String] = []) {
        self.entity = entity
        self.stock = stock
        self.releasedBy = releasedBy
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entity = try container.decode(String.self, forKey: .entity)
        stock = try container.decode(String.self, forKey: .stock)
        releasedBy = try container.decodeIfPresent([String].self, forKey: .releasedBy) ?? []
    }
}
