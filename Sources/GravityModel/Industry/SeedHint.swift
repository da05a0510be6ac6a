/// How to make realistic seed rows for one entity.
public struct SeedHint: Codable, Sendable, Hashable {
    public var entity: String
    public var count: Int
    /// Per field: the values to draw from, in order, cycling when `count` is larger.
    public var values: [String: [String]]
    /// Per numeric field: the closed range to draw from.
    public var ranges: [String: [Double]]

    enum CodingKeys: String, CodingKey { case entity, count, values, ranges }

    public init(entity: String, count: Int, values: [String: [String]] = [:], ranges: [String: [Double]] = [:]) {
        self.entity = entity
        self.count = count
        self.values = values
        self.ranges = ranges
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entity = try container.decode(String.self, forKey: .entity)
        count = try container.decode(Int.self, forKey: .count)
        values = try container.decodeIfPresent([String: [String]].self, forKey: .values) ?? [:]
        ranges = try container.decodeIfPresent([String: [Double]].self, forKey: .ranges) ?? [:]
    }
}
