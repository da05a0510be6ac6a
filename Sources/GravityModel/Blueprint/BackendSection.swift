/// What an endpoint does to its entity.
public enum EndpointAction: String, Codable, Sendable, CaseIterable {
    case list, get, create, update, delete
    /// Identity endpoints: create an account, exchange credentials for a token, read one's own account.
    case register, login, profile
    /// One named step of an entity's lifecycle (`POST <collection>/{id}/cancel`).
    case transition
    /// Taking an entity's stock for an order's lines, and giving it back (`POST` and `DELETE <collection>/reservations`).
    case reserve, release

    /// The five actions every entity's API offers.
    public static let crud: Set<EndpointAction> = [.list, .get, .create, .update, .delete]

    /// Whether the action changes data.
    public var writes: Bool { [.create, .update, .delete, .transition, .reserve, .release].contains(self) }
}

/// Who may call an endpoint.
public enum Access: String, Codable, Sendable, CaseIterable {
    case `public`, authenticated, role
}

/// One HTTP endpoint of a service.
public struct EndpointSpec: Codable, Sendable, Hashable {
    public var method: String
    public var path: String
    public var entity: String
    public var action: EndpointAction
    public var access: Access
    /// The role required when `access` is `role`.
    public var role: String?
    /// The lifecycle transition a `transition` endpoint takes.
    public var transition: String?

    /// What the endpoint does, whatever its route and access: a service has one endpoint per identity.
    public var identity: [String] { [entity, action.rawValue, transition ?? ""] }

    public init(
        method: String,
        path: String,
        entity: String,
        action: EndpointAction,
        access: Access,
        role: String?,
        transition: String? = nil
    ) {
        self.method = method
        self.path = path
        self.entity = entity
        self.action = action
        self.access = access
        self.role = role
        self.transition = transition
    }
}

/// A call one service makes to another, e.g. an order checking that a product exists.
public struct ServiceCall: Codable, Sendable, Hashable {
    public var service: String
    public var entity: String
    public var purpose: String

    public init(service: String, entity: String, purpose: String) {
        self.service = service
        self.entity = entity
        self.purpose = purpose
    }
}

/// The API of one service.
public struct ServiceAPI: Codable, Sendable, Hashable {
    public var service: String
    public var endpoints: [EndpointSpec]
    public var calls: [ServiceCall]

    public init(service: String, endpoints: [EndpointSpec], calls: [ServiceCall]) {
        self.service = service
        self.endpoints = endpoints
        self.calls = calls
    }
}

/// The server-side decisions: framework, endpoints per service, paging.
public struct BackendSection: Codable, Sendable, Hashable {
    public var language: String
    public var framework: String
    public var pageSize: Int
    public var apis: [ServiceAPI]
    public var practices: [String]

    enum CodingKeys: String, CodingKey {
        case language, framework, apis, practices
        case pageSize = "page_size"
    }

    public init(language: String, framework: String, pageSize: Int, apis: [ServiceAPI], practices: [String]) {
        self.language = language
        self.framework = framework
        self.pageSize = pageSize
        self.apis = apis
        self.practices = practices
    }
}
