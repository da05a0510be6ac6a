/// How users prove who they are.
public struct AuthenticationSpec: Codable, Sendable, Hashable {
    /// `jwt` or `none`.
    public var scheme: String
    public var passwordHashing: String
    public var tokenLifetimeMinutes: Int

    enum CodingKeys: String, CodingKey {
        case scheme
        case passwordHashing = "password_hashing"
        case tokenLifetimeMinutes = "token_lifetime_minutes"
    }

    public init(scheme: String, passwordHashing: String, tokenLifetimeMinutes: Int) {
        self.scheme = scheme
        self.passwordHashing = passwordHashing
        self.tokenLifetimeMinutes = tokenLifetimeMinutes
    }
}

/// What one role may do, e.g. `write` on `product`.
public struct RolePolicy: Codable, Sendable, Hashable {
    public var role: String
    /// Entities the role may create, update and delete.
    public var writes: [String]

    public init(role: String, writes: [String]) {
        self.role = role
        self.writes = writes
    }
}

/// The security decisions: authentication, roles and the practices the code must follow.
public struct SecuritySection: Codable, Sendable, Hashable {
    public var authentication: AuthenticationSpec
    public var policies: [RolePolicy]
    public var practices: [String]

    public init(authentication: AuthenticationSpec, policies: [RolePolicy], practices: [String]) {
        self.authentication = authentication
        self.policies = policies
        self.practices = practices
    }
}
