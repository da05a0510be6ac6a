/// A part of the domain that one service can own, with hints on its data volume and access.
public struct BoundedContext: Codable, Sendable, Hashable {
    public enum Scale: String, Codable, Sendable, CaseIterable { case small, large }

    public var id: String
    public var description: String
    /// `large` contexts hold enough concurrent writes to want a database server.
    public var scale: Scale
    /// Whether anonymous visitors may read the context's entities (a public catalog, say).
    public var publicRead: Bool
    /// Roles that may create, update and delete the context's entities; when absent, the most
    /// privileged role (the last one listed in `roles`).
    public var writerRoles: [String]?

    enum CodingKeys: String, CodingKey {
        case id, description, scale
        case publicRead = "public_read"
        case writerRoles = "writers"
    }

    public init(id: String, description: String, scale: Scale = .small, publicRead: Bool = false, writerRoles: [String]? = nil) {
        self.id = id
        self.description = description
        self.scale = scale
        self.publicRead = publicRead
        self.writerRoles = writerRoles
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        description = try container.decode(String.self, forKey: .description)
        scale = try container.decodeIfPresent(Scale.self, forKey: .scale) ?? .small
        publicRead = try container.decodeIfPresent(Bool.self, forKey: .publicRead) ?? false
        writerRoles = try container.decodeIfPresent([String].self, forKey: .writerRoles)
    }

    /// The roles that may write, given the industry's roles (least to most privileged).
    public func writers(roles: [String]) -> [String] {
        writerRoles ?? roles.suffix(1).map { $0 }
    }
}
