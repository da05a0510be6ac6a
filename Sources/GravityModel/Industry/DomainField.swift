/// A typed attribute of a domain entity.
public struct DomainField: Codable, Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var unique: Bool
    /// Longest accepted text, for `string` fields.
    public var maxLength: Int?
    /// Smallest accepted number, for `integer`, `decimal` and `money` fields.
    public var minimum: Double?
    /// Largest accepted number, for `integer` fields (a rating from 1 to 5).
    public var maximum: Double?
    /// Accepted values, for `choice` fields.
    public var values: [String]?

    enum CodingKeys: String, CodingKey {
        case name, type, required, unique, values, minimum, maximum
        case maxLength = "max_length"
    }

    public init(
        name: String,
        type: FieldType,
        required: Bool = false,
        unique: Bool = false,
        maxLength: Int? = nil,
        minimum: Double? = nil,
        maximum: Double? = nil,
        values: [String]? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.unique = unique
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.values = values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(FieldType.self, forKey: .type)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        unique = try container.decodeIfPresent(Bool.self, forKey: .unique) ?? false
        maxLength = try container.decodeIfPresent(Int.self, forKey: .maxLength)
        minimum = try container.decodeIfPresent(Double.self, forKey: .minimum)
        maximum = try container.decodeIfPresent(Double.self, forKey: .maximum)
        values = try container.decodeIfPresent([String].self, forKey: .values)
    }
}
