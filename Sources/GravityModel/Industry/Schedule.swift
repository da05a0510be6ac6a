/// Bookings that may not overlap for the same resource, e.g. a practitioner's appointments: each
/// starts at `starts` and lasts `minutes`; one in a `frees` state (cancelled) no longer holds its time.
public struct Schedule: Codable, Sendable, Hashable {
    public var entity: String
    /// The relation to the record that cannot be in two places at once (`practitioner`).
    public var resource: String
    public var starts: String
    public var minutes: String
    /// States of the entity's lifecycle in which a booking gives its time back.
    public var frees: [String]

    public init(entity: String, resource: String, starts: String, minutes: String, frees: [String] = []) {
        self.entity = entity
        self.resource = resource
        self.starts = starts
        self.minutes = minutes
        self.frees = frees
    }

    enum CodingKeys: String, CodingKey { case entity, resource, starts, minutes, frees }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entity = try container.decode(String.self, forKey: .entity)
        resource = try container.decode(String.self, forKey: .resource)
        starts = try container.decode(String.self, forKey: .starts)
        minutes = try container.decode(String.self, forKey: .minutes)
        frees = try container.decodeIfPresent([String].self, forKey: .frees) ?? []
    }
}
