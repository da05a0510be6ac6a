import GravityModel

/// The application as the generators see it: every name made safe, references resolved, and
/// access rules attached to each entity. Built once from a complete Blueprint.
public struct AppModel: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var type: FieldType
        public var nullable: Bool
        public var unique: Bool
        public var primaryKey: Bool
        public var maxLength: Int?
        public var minimum: Double?
        public var values: [String]
        /// A foreign key to a table of the same service.
        public var references: Entity.Reference?
        /// A reference to an entity of another service, checked over HTTP.
        public var external: Entity.Reference?
        public var indexed: Bool
        /// `created_at` and `updated_at`, maintained by the service, not by clients.
        public var isAudit: Bool
        /// The account that created the record, from its token; kept from clients like the audit columns.
        public var isOwner = false
        /// Digits after the point of a `decimal` (2) or `money` column (its currency's).
        public var decimalPlaces = 2
        /// A lifecycle's status, or the account that took one of its transitions: only the server writes it.
        public var isServerOwned = false
        /// The largest value of an integer column, when a rule bounds it (a booking lasts at most a day).
        public var maximum: Int?

        /// Whether clients send the column when creating or updating.
        public var isInput: Bool { !primaryKey && !isAudit && !isOwner && !isServerOwned }
    }

    public struct Entity: Sendable {
        public struct Reference: Sendable, Hashable {
            public var service: String
            public var entity: String
            public var plural: String
        }

        public var name: String
        public var className: String
        public var plural: String
        public var table: String
        public var columns: [Column]
        public var publicRead: Bool
        /// Roles allowed to create, update and delete.
        public var writers: [String]
        /// The role whose accounts see and change only the records they created (the role people
        /// register with, when it may write the entity); other roles see every record.
        public var ownedBy: String?
        /// Its workflow, when a status of it moves through named transitions; such a record is
        /// created, read and moved, never replaced or deleted.
        public var lifecycle: Lifecycle?
        /// Its quantity on hand, when orders reserve it.
        public var stock: Stock?
        /// Its bookings' rule, when two of them may not overlap for the same resource.
        public var schedule: Schedule?
        /// What creating one takes from another service's stock (an enrolment's seat).
        public var claim: Claim?
        /// How it is placed with its lines, when it is an order of a placement.
        public var placement: Placement?
        /// The order entity it is placed with, when it is a placement's lines.
        public var placedWith: String?
        /// Its money balance, when other services' postings move it.
        public var balance: Balance?
        /// What posting one moves in another service (a ledger transaction's account balance).
        public var posting: Posting?
        /// Groups of columns whose values together may appear once.
        public var uniqueTogether: [[String]] = []
        /// What must exist before one is written (a customer's order of the product reviewed).
        public var preconditions: [Precondition] = []

        /// The column recording the creating account, on entities with `ownedBy`.
        public static let ownerColumn = "owner_subject"

        public var inputColumns: [Column] { columns.filter(\.isInput) }

        /// What `q=` looks in: the text a client writes, through a trigram index (SQLite FTS5,
        /// PostgreSQL pg_trgm).
        public var searchColumns: [Column] { inputColumns.filter { [.string, .text, .email].contains($0.type) } }

        /// The role generated tests create records as: the owning role, whose accounts may then act
        /// on them, unless its accounts may only keep a profile of themselves; then a staff role.
        func creatingRole(administrator: String) -> String {
            if let owner = ownedBy, ownerEmail == nil { return owner }
            return writers.first { $0 != ownedBy } ?? administrator
        }
        public var label: String { Naming.title(plural) }

        /// On a record an account keeps of itself (a customer's profile): its unique email, which an
        /// account of the owning role may set only to its own account's email. Staff set any. A record
        /// whose emails are not unique (an order's recipient) is not such a record.
        public var ownerEmail: Column? {
            ownedBy == nil ? nil : inputColumns.first { $0.type == .email && $0.unique }
        }
    }

    public struct Service: Sendable {
        public var name: String
        public var description: String
        public var apiPrefix: String
        public var dependsOn: [String]
        /// The engine on a developer's machine (the manifest's, which `gravity-team deploy` runs).
        public var engine: DatabaseEngine
        /// The engine in production (the Compose and Kubernetes files').
        public var productionEngine: DatabaseEngine
        public var database: String
        public var isIdentity: Bool
        public var entities: [Entity]
        /// Tables the service keeps for itself (stock reservations): migrated and mapped, never served.
        public var internalTables: [Entity] = []
        public var replicas: Int
        public var cpuLimit: String
        public var memoryLimit: String
        public var healthCheck: String

        /// Services whose entities this one refers to, in order.
        public var referencedServices: [String] {
            var seen: [String] = []
            for column in entities.flatMap(\.columns) {
                if let external = column.external, !seen.contains(external.service) { seen.append(external.service) }
            }
            return seen
        }

        /// The entity of this service that `column` refers to (nil for a reference to another service's).
        public func entity(referencedBy column: Column) -> Entity? {
            column.references.flatMap { reference in entities.first { $0.plural == reference.plural } }
        }

        /// The environment variable holding another service's base URL.
        public static func urlVariable(_ service: String) -> String { service.uppercased() + "_SERVICE_URL" }
    }

    public var slug: String
    public var title: String
    public var industry: String
    public var brief: String
    /// Least privileged first: people register with the first, the last administers.
    public var roles: [String]
    public var administratorRole: String { roles.last ?? "admin" }
    /// The currency of `money` columns, when there are any.
    public var currency: Currency?
    public var authentication: AuthenticationSpec
    public var identityService: String?
    public var pageSize: Int
    public var palette: Palette
    public var services: [Service]
    public var practices: Set<String>
    /// Each service's least test coverage, in percent, as its test suite says.
    public var coverageTargets: [String: Int]
    public var targets: [DeploymentTarget]

    /// Services with their entities (all but the identity service).
    public var dataServices: [Service] { services.filter { !$0.isIdentity } }

    /// Builds the model; throws when the Blueprint is incomplete or its names clash once made safe.
    public init(blueprint: Blueprint) throws {
        guard let requirements = blueprint.requirements, let architecture = blueprint.architecture, let database = blueprint.database,
            let frontend = blueprint.frontend, let backend = blueprint.backend, let security = blueprint.security,
            let deployment = blueprint.deployment, blueprint.testing != nil
        else { throw GenerationError.incompleteBlueprint(missing: blueprint.missingPhases.map(\.rawValue)) }

        let builder = try AppModelBuilder(
            requirements: requirements, architecture: architecture, database: database, backend: backend, security: security,
            deployment: deployment
        )
        let services = try architecture.services.compactMap(builder.service)
        self.slug = SafeIdentifier.make(requirements.appName).replacingOccurrences(of: "_", with: "-")
        // Titles and briefs reach comments and headings of generated files, where a line break would
        // end the comment and start code.
        let title = Escaping.oneLine(requirements.appName)
        self.title = title.isEmpty ? "Application" : title
        self.industry = blueprint.industry
        self.brief = Escaping.oneLine(blueprint.brief)
        self.roles = builder.roles
        self.currency = builder.currency
        self.authentication = security.authentication
        self.identityService = services.first(where: \.isIdentity)?.name
        self.pageSize = max(1, min(backend.pageSize, 200))
        self.palette = frontend.palette
        self.practices = Set(
            requirements.practices + architecture.practices + database.practices + frontend.practices + backend.practices
                + security.practices + (blueprint.testing?.practices ?? []) + deployment.practices
        )
        self.coverageTargets = Dictionary(
            (blueprint.testing?.suites ?? []).map { (SafeIdentifier.make($0.service), $0.minimumCoverage) }, uniquingKeysWith: { first, _ in first }
        )
        self.services = try Self.withSignInFailures(services)
        self.targets = deployment.targets
        if keepsAuditLog { self.services = try Self.withAuditTables(self.services) }
    }

    /// A URL path made of safe segments, e.g. `/api/catalog`; never `..` or empty segments.
    static func safePrefix(_ path: String, fallback: String) -> String {
        let segments = path.split(separator: "/").map { SafeIdentifier.make(String($0)).replacingOccurrences(of: "_", with: "-") }
        return "/" + (segments.isEmpty ? [fallback] : segments).joined(separator: "/")
    }

    /// The service named `name`.
    public func service(_ name: String) -> Service? { services.first { $0.name == name } }

    /// The entity a reference names, with the service that keeps it.
    public func entity(_ reference: Entity.Reference) -> (service: Service, entity: Entity)? {
        guard let service = service(reference.service), let entity = service.entities.first(where: { $0.name == reference.entity }) else { return nil }
        return (service, entity)
    }
}
