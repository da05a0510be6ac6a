import GravityModel

/// How a Blueprint's sections become the model's services, entities and columns: every name is made
/// safe once, up front (in the Blueprint's order, so a clash is reported the same way every time),
/// and the rest is looked up.
struct AppModelBuilder {
    let roles: [String]
    let currency: Currency?
    private let database: DatabaseSection
    private let backend: BackendSection
    private let security: SecuritySection
    private let deployment: DeploymentSection
    private let safeService: [String: String]
    let safeEntity: [String: String]
    let plurals: [String: String]
    /// The service that owns each entity, by the Blueprint's names.
    private let ownerOf: [String: String]
    /// Entities anyone may list without signing in, by the Blueprint's names.
    private let publicReads: Set<String>
    private let lifecycles: [Lifecycle]
    let stocks: [Stock]
    private let schedules: [Schedule]
    private let claims: [Claim]
    private let preconditions: [Precondition]
    let placements: [Placement]
    let postings: [Posting]
    /// Per entity whose balance postings move (by the Blueprint's names), the balance field.
    let balances: [String: String]
    private let stocked: Set<String>

    init(
        requirements: RequirementsSection, architecture: ArchitectureSection, database: DatabaseSection, backend: BackendSection,
        security: SecuritySection, deployment: DeploymentSection
    ) throws {
        var serviceNames = NameTable(kind: "service")
        var entityNames = NameTable(kind: "entity")
        var tableNames = NameTable(kind: "table")
        var roleNames = NameTable(kind: "role")
        roles = try requirements.roles.map { try roleNames.claim($0) }
        if let reserved = requirements.roles.first(where: { SafeIdentifier.make($0) == Industry.serviceRole }) {
            throw GenerationError.reservedRole(reserved)
        }
        if let code = requirements.currency {
            guard let currency = Currency(code: code) else { throw GenerationError.unknownCurrency(code) }
            self.currency = currency
        } else {
            currency = nil
        }
        var safeService: [String: String] = [:]
        for service in architecture.services { safeService[service.name] = try serviceNames.claim(service.name) }
        var safeEntity: [String: String] = [:]
        var plurals: [String: String] = [:]
        for store in database.stores {
            for table in store.tables {
                safeEntity[table.entity] = try entityNames.claim(table.entity)
                plurals[table.entity] = try tableNames.claim(table.table)
            }
        }
        self.safeService = safeService
        self.safeEntity = safeEntity
        self.plurals = plurals
        ownerOf = Dictionary(
            architecture.services.flatMap { service in service.entities.map { ($0, service.name) } },
            uniquingKeysWith: { a, _ in a }
        )
        publicReads = Set(backend.apis.flatMap(\.endpoints).filter { $0.action == .list && $0.access == .public }.map(\.entity))
        lifecycles = requirements.lifecycles
        stocks = requirements.stocks
        schedules = requirements.schedules
        claims = requirements.claims
        preconditions = requirements.preconditions
        placements = requirements.placements
        postings = requirements.postings
        // The account a posting moves is the one its `<account>_id` column refers to.
        let tables = database.stores.flatMap(\.tables)
        balances = Dictionary(
            requirements.postings.compactMap { posting in
                tables.first { $0.entity == posting.entity }?.columns.first { $0.name == posting.account + "_id" }?.externalEntity
                    .map { ($0, posting.balance) }
            },
            uniquingKeysWith: { first, _ in first }
        )
        stocked = Set(requirements.stocks.map(\.entity))
        self.database = database
        self.backend = backend
        self.security = security
        self.deployment = deployment
    }

    func service(_ spec: ServiceSpec) throws -> AppModel.Service? {
        guard let name = safeService[spec.name] else { return nil }
        let store = database.stores.first { $0.service == spec.name }
        let unit = deployment.units.first { $0.service == spec.name }
        // A service owning no domain entity (the identity service) keeps its own tables.
        let ownsNothing = spec.entities.isEmpty
        var entities = try (store?.tables ?? []).filter { ownsNothing || spec.entities.contains($0.entity) }.compactMap(entity)
        var internalTables: [AppModel.Entity] = []
        for index in entities.indices {
            guard let table = store?.tables.first(where: { safeEntity[$0.entity] == entities[index].name }) else { continue }
            if let spec = schedules.first(where: { $0.entity == table.entity }) {
                let schedule = try self.schedule(spec, of: entities[index], among: entities)
                // Only bookings starting within their longest length before another can overlap it.
                if let minutes = entities[index].columns.firstIndex(where: { $0.name == schedule.minutes }) {
                    entities[index].columns[minutes].maximum = AppModel.Schedule.longestMinutes
                }
                entities[index].schedule = schedule
            }
            if let spec = claims.first(where: { $0.entity == table.entity }) {
                entities[index].claim = try claim(spec, of: &entities[index])
            }
            if let spec = stocks.first(where: { $0.entity == table.entity }) {
                // The requirement holds whatever a schema draft said (a draft the product manager adopted
                // may lack the bound): a stock is a count the database keeps from going below zero.
                if let column = entities[index].columns.firstIndex(where: { $0.name == SafeIdentifier.make(spec.field) && $0.type == .integer }) {
                    entities[index].columns[column].nullable = false
                    entities[index].columns[column].minimum = max(entities[index].columns[column].minimum ?? 0, 0)
                }
                let (stock, tables) = try self.stock(spec, of: entities[index], service: name)
                for kept in tables {
                    if let clash = entities.first(where: { $0.table == kept.table }) {
                        throw GenerationError.nameCollision(kind: "table", first: clash.table, second: "\(spec.entity)'s reservations", safe: kept.table)
                    }
                }
                entities[index].stock = stock
                internalTables += tables
            }
        }
        for spec in placements {
            try place(spec, in: &entities)
        }
        for spec in preconditions {
            guard let index = entities.firstIndex(where: { $0.name == safeEntity[spec.entity] }) else { continue }
            entities[index].preconditions.append(try precondition(spec, of: entities[index], among: entities))
        }
        for index in entities.indices {
            guard let table = store?.tables.first(where: { safeEntity[$0.entity] == entities[index].name }) else { continue }
            if let field = balances[table.entity] {
                let (balance, movements) = try self.balance(field, of: &entities[index], entity: table.entity, service: name)
                entities[index].balance = balance
                internalTables.append(movements)
            }
            if let spec = postings.first(where: { $0.entity == table.entity }) {
                entities[index].posting = try posting(spec, of: &entities[index])
            }
        }
        let isIdentity =
            spec.entities.isEmpty && backend.apis.first { $0.service == spec.name }?.endpoints.contains { $0.action == .login } == true
        return AppModel.Service(
            name: name,
            description: spec.description,
            apiPrefix: AppModel.safePrefix(spec.apiPrefix, fallback: name),
            dependsOn: spec.dependsOn.compactMap { safeService[$0] },
            engine: (store?.engines ?? .standard).local,
            productionEngine: (store?.engines ?? .standard).production,
            database: SafeIdentifier.make(store?.database ?? "\(name)_db"),
            isIdentity: isIdentity,
            entities: entities,
            internalTables: internalTables,
            replicas: max(1, unit?.replicas ?? 1),
            cpuLimit: unit?.cpuLimit ?? "500m",
            memoryLimit: unit?.memoryLimit ?? "256Mi",
            healthCheck: AppModel.safePrefix(unit?.healthCheck ?? "/health", fallback: "health")
        )
    }

    private func entity(_ table: TableSpec) throws -> AppModel.Entity? {
        var columns = try self.columns(of: table)
        let lifecycle = try lifecycles.first { $0.entity == table.entity }.map { try self.lifecycle($0, of: table, columns: &columns) }
        let writers = self.writers(of: table)
        // Accounts of the role people register with may write this entity: each sees and changes
        // only its own records, or any account could read and rewrite everyone's.
        var ownedBy: String?
        if let registered = roles.first, roles.count > 1, writers.contains(registered),
            !columns.contains(where: { $0.name == AppModel.Entity.ownerColumn })
        {
            ownedBy = registered
            columns.append(.owner)
        }
        guard let entityName = safeEntity[table.entity], let plural = plurals[table.entity] else { return nil }
        return AppModel.Entity(
            name: entityName,
            className: Naming.typeName(entityName),
            plural: plural,
            table: plural,
            columns: columns,
            publicRead: publicReads.contains(table.entity) && ownedBy == nil,
            writers: writers,
            ownedBy: ownedBy,
            lifecycle: lifecycle,
            uniqueTogether: try uniqueTogether(of: table, columns: columns)
        )
    }

    /// `spec` in the model's names; the record gets the server's column keeping its reservation's key.
    private func claim(_ spec: Claim, of entity: inout AppModel.Entity) throws -> AppModel.Claim {
        func problem(_ text: String) -> GenerationError { .incoherentClaim(entity: spec.entity, problem: text) }
        let name = SafeIdentifier.make(spec.stock + "_id")
        guard let column = entity.columns.first(where: { $0.name == name }), !column.nullable, let reference = column.external,
            stocked.contains(where: { safeEntity[$0] == reference.entity })
        else { throw problem("takes from '\(spec.stock)', which is not a required reference to another service's entity with a stock") }
        let transitions = entity.lifecycle?.transitions.map(\.name) ?? []
        if let unknown = spec.releasedBy.first(where: { !transitions.contains(SafeIdentifier.make($0)) }) {
            throw problem("is released by '\(unknown)', which is not a transition of its lifecycle")
        }
        guard !entity.columns.contains(where: { $0.name == AppModel.Claim.keyColumn }) else {
            throw problem("needs the column '\(AppModel.Claim.keyColumn)' for its reservation, which \(entity.table) already has")
        }
        entity.columns.append(.serverText(AppModel.Claim.keyColumn, unique: true))
        return AppModel.Claim(
            column: name, reference: reference, keyColumn: AppModel.Claim.keyColumn, releasedBy: spec.releasedBy.map(SafeIdentifier.make))
    }

    /// `spec` in the model's names: the resource's column and class, the time columns, and the
    /// lifecycle states that free a booking.
    private func schedule(_ spec: Schedule, of entity: AppModel.Entity, among entities: [AppModel.Entity]) throws -> AppModel.Schedule {
        func problem(_ text: String) -> GenerationError { .incoherentSchedule(entity: spec.entity, problem: text) }
        let reference = SafeIdentifier.make(spec.resource + "_id")
        guard let column = entity.columns.first(where: { $0.name == reference }), !column.nullable, let target = column.references,
            let resource = entities.first(where: { $0.plural == target.plural })
        else { throw problem("books '\(spec.resource)', which is not a required reference of \(entity.table) to a table of its service") }
        let starts = SafeIdentifier.make(spec.starts)
        guard entity.columns.contains(where: { $0.name == starts && $0.type == .datetime && !$0.nullable && $0.isInput }) else {
            throw problem("starts at '\(spec.starts)', which is not a NOT NULL datetime column of \(entity.table)")
        }
        let minutes = SafeIdentifier.make(spec.minutes)
        guard entity.columns.contains(where: { $0.name == minutes && $0.type == .integer && !$0.nullable && $0.isInput }) else {
            throw problem("lasts '\(spec.minutes)', which is not a NOT NULL integer column of \(entity.table)")
        }
        if let state = spec.frees.first(where: { !(entity.lifecycle?.states ?? []).contains($0) }) {
            throw problem("is freed in '\(state)', which is not a state of its lifecycle")
        }
        return AppModel.Schedule(
            resource: resource.name, resourceColumn: reference, resourceClass: resource.className, starts: starts, minutes: minutes,
            stateField: spec.frees.isEmpty ? nil : entity.lifecycle?.field, frees: spec.frees
        )
    }

    /// `spec` in the model's names, with the tables its reservations are kept in.
    private func stock(_ spec: Stock, of entity: AppModel.Entity, service: String) throws -> (AppModel.Stock, [AppModel.Entity]) {
        func problem(_ text: String) -> GenerationError { .incoherentStock(entity: spec.entity, problem: text) }
        let field = SafeIdentifier.make(spec.field)
        guard let column = entity.columns.first(where: { $0.name == field }), column.type == .integer, column.isInput else {
            throw problem("takes from '\(spec.field)', which is not an integer column of \(entity.table)")
        }
        var price: AppModel.Column?
        if let raw = spec.price {
            guard let priced = entity.columns.first(where: { $0.name == SafeIdentifier.make(raw) }), [.money, .decimal].contains(priced.type),
                !priced.nullable
            else { throw problem("copies its price from '\(raw)', which is not a NOT NULL money column of \(entity.table)") }
            price = priced
        }
        let tables = Self.reservationTables(for: entity, service: service, field: field, price: price)
        let stock = AppModel.Stock(
            field: field, price: price?.name, reservationClass: tables.reservations.className, reservationTable: tables.reservations.table,
            lineClass: tables.lines.className, lineTable: tables.lines.table, reference: tables.reference
        )
        return (stock, [tables.reservations, tables.lines])
    }

    /// `spec` in the model's names: its status column and recording columns become the server's
    /// (a recording column the table lacks is added), and each transition's roles are resolved.
    private func lifecycle(_ spec: Lifecycle, of table: TableSpec, columns: inout [AppModel.Column]) throws -> AppModel.Lifecycle {
        func problem(_ text: String) -> GenerationError { .incoherentLifecycle(entity: table.entity, problem: text) }
        guard let index = table.columns.firstIndex(where: { $0.name == spec.field }), columns[index].type == .choice else {
            throw problem("moves '\(spec.field)', which is not a choice column of \(table.table)")
        }
        let states = columns[index].values
        let named = [spec.initial] + spec.transitions.flatMap { [$0.to] + $0.by.flatMap(\.from) }
        if let unknown = named.first(where: { !states.contains($0) }) {
            throw problem("names the state '\(unknown)', which is not a value of \(table.table).\(spec.field)")
        }
        if let unknown = spec.transitions.flatMap({ $0.by.flatMap(\.roles) }).first(where: { !roles.contains(SafeIdentifier.make($0)) }) {
            throw problem("lets the role '\(unknown)' act, which requirements.roles does not list")
        }
        columns[index].isServerOwned = true
        var names = NameTable(kind: "transition of \(table.entity)")
        let transitions = try spec.transitions.map { transition -> AppModel.Lifecycle.Transition in
            let name = try names.claim(transition.name)
            let from = roles.compactMap { role -> (role: String, states: [String])? in
                let allowed = Set(transition.by.filter { $0.roles.contains { SafeIdentifier.make($0) == role } }.flatMap(\.from))
                return allowed.isEmpty ? nil : (role, states.filter(allowed.contains))
            }
            var records: String?
            if let raw = transition.records {
                let column = SafeIdentifier.make(raw)
                if let existing = columns.firstIndex(where: { $0.name == column }) {
                    guard columns[existing].type == .string, columns[existing].nullable, !columns[existing].unique
                    else { throw problem("records \(name) in '\(raw)', which must be a nullable string column") }
                    columns[existing].isServerOwned = true
                } else {
                    columns.append(.serverText(column))
                }
                records = column
            }
            return AppModel.Lifecycle.Transition(name: name, to: transition.to, from: from, records: records)
        }
        return AppModel.Lifecycle(field: columns[index].name, initial: spec.initial, states: states, transitions: transitions)
    }

    private func columns(of table: TableSpec) throws -> [AppModel.Column] {
        var columnNames = NameTable(kind: "column of \(table.table)")
        return try table.columns.map { column in
            let columnName = try columnNames.claim(column.name)
            let local = try column.references.map { referenced -> AppModel.Entity.Reference in
                guard let entity = plurals.first(where: { $0.value == SafeIdentifier.make(referenced) })?.key else {
                    throw GenerationError.danglingReference(from: "\(table.table).\(column.name)", to: referenced)
                }
                return try reference(to: entity)
            }
            var places = 2
            if column.type == .money {
                guard let currency else { throw GenerationError.missingCurrency(column: "\(table.table).\(column.name)") }
                places = currency.scale
            }
            return AppModel.Column(
                name: columnName,
                type: column.type,
                nullable: column.nullable,
                unique: column.unique,
                primaryKey: column.primaryKey,
                maxLength: column.maxLength,
                minimum: column.minimum,
                values: column.values ?? [],
                references: local,
                external: try column.externalEntity.map(reference(to:)),
                indexed: column.indexed,
                isAudit: ["created_at", "updated_at"].contains(columnName),
                decimalPlaces: places,
                maximum: column.type == .integer ? column.maximum : nil
            )
        }
    }

    /// `table`'s groups unique together, in the model's column names.
    private func uniqueTogether(of table: TableSpec, columns: [AppModel.Column]) throws -> [[String]] {
        try table.uniqueTogether.map { group in
            let names = group.map(SafeIdentifier.make)
            if let stray = names.first(where: { name in !columns.contains { $0.name == name } }) {
                throw GenerationError.incoherentUniqueness(table: table.table, problem: "names '\(stray)', which is not one of its columns")
            }
            guard names.count >= 2, Set(names).count == names.count else {
                throw GenerationError.incoherentUniqueness(table: table.table, problem: "needs two or more distinct columns in each group")
            }
            return names
        }
    }

    /// The roles that may write `table`'s entity.
    private func writers(of table: TableSpec) -> [String] {
        var writers = security.policies.filter { $0.writes.contains(table.entity) }.compactMap { policy in
            roles.first { $0 == SafeIdentifier.make(policy.role) }
        }
        // The administrator (the last role, the account created at start-up) may write everything:
        // otherwise data that only a role nobody can be given may write could never be entered at all.
        if let administrator = roles.last, !writers.contains(administrator) { writers.append(administrator) }
        return writers
    }

    private func reference(to entity: String) throws -> AppModel.Entity.Reference {
        guard let safe = safeEntity[entity], let plural = plurals[entity] else {
            throw GenerationError.danglingReference(from: "a column", to: entity)
        }
        let owner = ownerOf[entity].flatMap { safeService[$0] } ?? ""
        return AppModel.Entity.Reference(service: owner, entity: safe, plural: plural)
    }
}

extension AppModel.Column {
    /// The account that created a record (`owner_subject`, from its token), on entities an owning role writes.
    static var owner: AppModel.Column {
        AppModel.Column(
            name: AppModel.Entity.ownerColumn, type: .string, nullable: true, unique: false, primaryKey: false, maxLength: 64, minimum: nil,
            values: [], references: nil, external: nil, indexed: true, isAudit: false, isOwner: true
        )
    }

    /// A short text only the server writes: who took a transition (`paid_by`), or the key of a
    /// reservation or movement (unique).
    static func serverText(_ name: String, unique: Bool = false) -> AppModel.Column {
        AppModel.Column(
            name: name, type: .string, nullable: true, unique: unique, primaryKey: false, maxLength: 64, minimum: nil, values: [],
            references: nil, external: nil, indexed: false, isAudit: false, isServerOwned: true
        )
    }
}
