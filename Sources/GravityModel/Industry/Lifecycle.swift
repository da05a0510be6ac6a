/// The states a record goes through, on one of its `choice` fields, and the named transitions
/// between them: who may take each, from which states. Records start in `initial`; the field is the
/// server's to change, one transition at a time (`POST <collection>/{id}/<transition>`).
public struct Lifecycle: Codable, Sendable, Hashable {
    /// One way from some states to another, e.g. `cancel` to `cancelled`.
    public struct Transition: Codable, Sendable, Hashable {
        public var name: String
        public var to: String
        /// Which roles may take it from which states: a customer may cancel while pending, staff also once paid.
        public var by: [Permission]
        /// A field the server sets to the account that took the transition (`paid_by`), if any.
        public var records: String?

        public init(name: String, to: String, by: [Permission], records: String? = nil) {
            self.name = name
            self.to = to
            self.by = by
            self.records = records
        }
    }

    /// Roles that may take a transition from the given states. An owning role acts on its own records only.
    public struct Permission: Codable, Sendable, Hashable {
        public var roles: [String]
        public var from: [String]

        public init(roles: [String], from: [String]) {
            self.roles = roles
            self.from = from
        }
    }

    public var entity: String
    public var field: String
    public var initial: String
    public var transitions: [Transition]

    public init(entity: String, field: String, initial: String, transitions: [Transition]) {
        self.entity = entity
        self.field = field
        self.initial = initial
        self.transitions = transitions
    }
}
