import GravityModel

/// The per-entity code of a service: ORM models, Pydantic schemas and one CRUD router each. The
/// code is Templates/backend/app/ (models.py, schemas.py, routes/entity.py); this gives each
/// template the service's entities and columns.
struct PythonEntityModules {
    let model: AppModel
    let service: AppModel.Service

    static let modelsTemplate = CodeTemplate("backend/app/models.py.mustache", bytes: PackageResources.models_py_mustache)
    static let schemasTemplate = CodeTemplate("backend/app/schemas.py.mustache", bytes: PackageResources.schemas_py_mustache)
    static let routerTemplate = CodeTemplate("backend/app/routes/entity.py.mustache", bytes: PackageResources.entity_py_mustache)

    var models: String {
        let entities = MigrationGenerator.orderedByReferences(service.entities + service.internalTables).map { entity -> [String: TemplateValue] in
            [
                "className": .text(entity.className),
                "tableLiteral": .text(PythonTypes.pythonString(entity.table)),
                "columns": .objects(entity.columns.map(Self.mappedColumn)),
            ]
        }
        return Self.modelsTemplate.render(["service": .text(service.name), "entities": .objects(entities)])
    }

    private static func mappedColumn(_ column: AppModel.Column) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [
            "primaryKey": .flag(column.primaryKey),
            "column": .text(column.name),
            "mappedType": .text(PythonTypes.mappedType(column)),
            "columnType": .text(PythonTypes.sqlAlchemyType(column)),
            "nullable": .flag(column.nullable),
            "unique": .flag(column.unique),
            "indexed": .flag(column.indexed && !column.unique),
            "createdAt": .flag(column.name == "created_at" && column.isAudit),
            "updatedAt": .flag(column.name == "updated_at" && column.isAudit),
        ]
        if let reference = column.references { values["foreignKeyLiteral"] = .text(PythonTypes.pythonString("\(reference.plural).id")) }
        return values
    }

    var schemas: String {
        let entities = service.entities.map { entity -> [String: TemplateValue] in
            let own = Set(model.ownRecords(of: entity, in: service).map(\.column))
            var values: [String: TemplateValue] = [
                "className": .text(entity.className),
                "name": .text(entity.name),
                "inputs": .objects(
                    entity.inputColumns.map { column in
                        // A reference an owner may leave out (its own record is meant) may be absent.
                        var sent = column
                        if own.contains(column.name) { sent.nullable = true }
                        return ["column": .text(column.name), "schemaType": .text(PythonTypes.schemaType(sent))]
                    }
                ),
                "outputs": .objects(
                    entity.inputColumns.map { ["column": .text($0.name), "outputType": .text(PythonTypes.outputType($0))] }
                ),
                "audit": .texts(entity.columns.filter(\.isAudit).map(\.name)),
                "server": .objects(
                    entity.columns.filter(\.isServerOwned).map { ["column": .text($0.name), "outputType": .text(PythonTypes.outputType($0))] }
                ),
                "lifecycle": .flag(entity.lifecycle != nil),
            ]
            if let stock = entity.stock { values["stock"] = .object(Self.stockValues(stock, of: entity)) }
            if let balance = entity.balance { values["balance"] = .object(Self.balanceValues(balance, of: entity)) }
            return values
        }
        let placements = service.entities.compactMap { entity in
            entity.placement.map { placement -> [String: TemplateValue] in
                [
                    "className": .text(entity.className),
                    "name": .text(entity.name),
                    "linesClass": .text(placement.linesClass),
                    "linesField": .text(AppModel.Placement.linesField),
                    "stockColumn": .text(placement.stockColumn),
                    "quantity": .text(placement.quantity),
                    "maximumLines": .text(String(AppModel.Placement.maximumLines)),
                ]
            }
        }
        var values: [String: TemplateValue] = [
            "service": .text(service.name), "entities": .objects(entities), "placements": .objects(placements),
        ]
        let money = service.entities.contains { $0.columns.contains { $0.type == .money } }
        if money, let currency = model.currency {
            let scale = currency.scale
            values["currency"] = [
                "code": .text(currency.code),
                "scale": .text(String(scale)),
                "maxMoney": .text(String(repeating: "9", count: 12 - scale) + (scale > 0 ? "." + String(repeating: "9", count: scale) : "")),
            ]
        }
        return Self.schemasTemplate.render(values)
    }

    /// Columns a list can be filtered on by exact value.
    static func filterable(_ entity: AppModel.Entity) -> [AppModel.Column] {
        // A lifecycle's status is the server's to set, and the first thing to filter on (paid orders).
        entity.columns.filter { $0.isInput || ($0.isServerOwned && $0.type == .choice) }.filter {
            [.string, .email, .choice, .integer, .boolean].contains($0.type) || $0.references != nil || $0.external != nil
        }
    }

    func router(for entity: AppModel.Entity) -> String {
        let references = referenceChecks(entity)
        let preconditionClasses: [String] = entity.preconditions.flatMap { [$0.existsClass] + $0.joins.map(\.targetClass) }
        var values: [String: TemplateValue] = [
            "label": .text(entity.label),
            "className": .text(entity.className),
            "name": .text(entity.name),
            "plural": .text(entity.plural),
            "pluralLiteral": .text(PythonTypes.pythonString(entity.plural)),
            "path": .text("\(service.apiPrefix)/\(entity.plural)"),
            "publicRead": .flag(entity.publicRead),
            "writerRoles": .text(entity.writers.map(PythonTypes.pythonString).joined(separator: ", ")),
            "ownerColumn": .text(AppModel.Entity.ownerColumn),
            "owned": .flag(entity.ownedBy != nil),
            // The models it refers to, and the tables its stock's reservations are kept in.
            "referencedModels": .texts(
                Set(
                    entity.inputColumns.filter { _ in entity.isWritable }.compactMap { service.entity(referencedBy: $0)?.className }
                        + (entity.stock.map { [$0.reservationClass, $0.lineClass] } ?? [])
                        + (entity.placement.map { [$0.linesClass] } ?? [])
                        + (entity.balance.map { [$0.movementClass] } ?? [])
                        + preconditionClasses
                ).subtracting([entity.className]).sorted()
            ),
            "filters": .objects(Self.filterable(entity).map(Self.filter)),
            "searchable": .texts(entity.searchColumns.map(\.name)),
            "searches": .flag(!entity.searchColumns.isEmpty),
            "references": .objects(references),
            "referencesOwned": .flag(entity.inputColumns.contains { service.entity(referencedBy: $0)?.ownedBy != nil }),
            "checks": .flag(entity.ownerEmail != nil || !references.isEmpty),
            "writable": .flag(entity.isWritable),
        ]
        let ownRecords = model.ownRecords(of: entity, in: service)
        values["hasOwnRecords"] = .flag(!ownRecords.isEmpty)
        values["ownRecords"] = .objects(
            ownRecords.map { own in
                var values: [String: TemplateValue] = [
                    "column": .text(own.column), "target": .text(own.target.name), "targetClass": .text(own.target.className),
                ]
                if let other = own.service {
                    values["external"] = [
                        "serviceLiteral": .text(PythonTypes.pythonString(other.name)), "servicePrefix": .text(other.apiPrefix),
                        "targetPlural": .text(own.target.plural),
                    ]
                }
                return values
            })
        // Changes made in SQL record themselves in the audit log; those made through objects are seen by it.
        values["auditLog"] = .flag(model.adopts(.auditLog))
        if let order = entity.placedWith { values["placedWith"] = .text(order) }
        if let role = entity.ownedBy { values["ownerRoleLiteral"] = .text(PythonTypes.pythonString(role)) }
        if let column = entity.ownerEmail { values["ownerEmail"] = ["column": .text(column.name), "nullable": .flag(column.nullable)] }
        if let lifecycle = entity.lifecycle { values["lifecycle"] = .object(Self.lifecycleValues(lifecycle, of: entity)) }
        if let stock = entity.stock {
            var stockValues = Self.stockValues(stock, of: entity)
            stockValues["reserverRoles"] = .text(Self.serviceAndWriterRoles(entity))
            values["stock"] = .object(stockValues)
        }
        values["response"] = .flag((entity.lifecycle == nil && entity.isWritable) || entity.stock != nil || entity.balance != nil)
        values["usesDecimal"] = .flag(entity.placement != nil || entity.balance != nil)
        values["usesKeys"] = .flag(entity.claim != nil || entity.placement != nil || entity.posting != nil)
        if let balance = entity.balance {
            var moving = Self.balanceValues(balance, of: entity)
            moving["moverRoles"] = .text(Self.serviceAndWriterRoles(entity))
            values["balance"] = .object(moving)
        }
        if let posting = entity.posting, let (other, target, balance) = balanced(posting.reference) {
            let string = PythonTypes.pythonString
            var moving: [String: TemplateValue] = [
                "target": .text(target.name),
                "balanceField": .text(balance.field),
                "serviceName": .text(other.name),
                "serviceLiteral": .text(string(other.name)),
                "movementsLiteral": .text(string("\(other.apiPrefix)/\(target.plural)/movements")),
                "referenceLiteral": .text(string(balance.reference)),
                "postedByLiteral": .text(string(posting.postedBy)),
                "reversedByLiteral": .text(posting.reversedBy.map(string) ?? "None"),
                "column": .text(posting.column),
                "amount": .text(posting.amount),
                "keyColumn": .text(posting.keyColumn),
                "moves": .text(Self.moves(posting, balance: balance.field)),
            ]
            if let direction = posting.direction, let debit = posting.debit {
                moving["direction"] = .text(direction)
                moving["debitLiteral"] = .text(string(debit))
            }
            if let counterpart = posting.counterpartColumn { moving["counterpartColumn"] = .text(counterpart) }
            if let reversedBy = posting.reversedBy { moving["reversedBy"] = .text(reversedBy) }
            values["posting"] = .object(moving)
        }
        if let claim = entity.claim, var taking = stockValues(of: claim.reference) {
            taking["column"] = .text(claim.column)
            taking["keyColumn"] = .text(claim.keyColumn)
            taking["releasedByTuple"] = .text(PythonTypes.tuple(claim.releasedBy))
            taking["what"] = .text("Creating a \(entity.name) takes one \(claim.reference.entity)'s \(stockField(of: claim.reference))")
            values["claim"] = .object(taking)
            values["giveBack"] = .object(taking)
        }
        if let placement = entity.placement, var taking = stockValues(of: placement.reference),
            let total = entity.columns.first(where: { $0.name == placement.total })
        {
            taking["keyColumn"] = .text(placement.keyColumn)
            taking["releasedByTuple"] = .text(PythonTypes.tuple(placement.releasedBy))
            taking["what"] = .text("Placing a \(entity.name) takes each line's \(placement.reference.entity)'s \(stockField(of: placement.reference))")
            values["giveBack"] = .object(taking)
            taking["lines"] = .text(placement.lines)
            taking["linesClass"] = .text(placement.linesClass)
            taking["linesField"] = .text(AppModel.Placement.linesField)
            taking["orderColumn"] = .text(placement.orderColumn)
            taking["stockColumn"] = .text(placement.stockColumn)
            taking["quantity"] = .text(placement.quantity)
            taking["unitPrice"] = .text(placement.unitPrice)
            taking["total"] = .text(placement.total)
            taking["maxTotal"] = .text(total.type == .money ? "MAX_MONEY" : "MAX_DECIMAL")
            if let placedAt = placement.placedAt { taking["placedAt"] = .text(placedAt) }
            values["placement"] = .object(taking)
        }
        values["usesUpdate"] = .flag(entity.lifecycle != nil || entity.stock != nil || entity.schedule != nil || entity.balance != nil)
        values["usesNow"] = .flag(entity.stock != nil || entity.balance != nil || entity.placement?.placedAt != nil)
        values["uniqueTogether"] = .flag(!entity.uniqueTogether.isEmpty)
        values["uniqueGroups"] = .objects(
            entity.uniqueTogether.map { group in
                [
                    "conditions": .text(group.map { "\(entity.className).\($0) == payload.\($0)" }.joined(separator: ", ")),
                    "values": .text(group.map { "payload.\($0)" }.joined(separator: ", ")),
                    "described": .text(group.joined(separator: " and ")),
                ]
            }
        )
        values["preconditions"] = .objects(entity.preconditions.map(Self.preconditionValues))
        values["joinsTables"] = .flag(entity.preconditions.contains { !$0.joins.isEmpty })
        if let schedule = entity.schedule {
            var booking: [String: TemplateValue] = [
                "resource": .text(schedule.resource),
                "resourceColumn": .text(schedule.resourceColumn),
                "resourceClass": .text(schedule.resourceClass),
                "starts": .text(schedule.starts),
                "minutes": .text(schedule.minutes),
                "longest": .text(String(AppModel.Schedule.longestMinutes)),
                "freesTuple": .text(PythonTypes.tuple(schedule.frees)),
            ]
            if let field = schedule.stateField { booking["stateField"] = .text(field) }
            values["schedule"] = .object(booking)
        }
        // A write that calls another service (over HTTP, which may take up to its timeout) runs in the
        // thread pool; one that touches only this service's database runs on the event loop.
        let createCalls =
            references.contains { $0["external"] != nil } || ownRecords.contains { $0.service != nil } || values["claim"] != nil
            || values["placement"] != nil
        let transitionsCall = entity.lifecycle != nil && (values["giveBack"] != nil || values["posting"] != nil)
        values["asyncWrite"] = .flag(!createCalls)
        values["asyncTransition"] = .flag(!transitionsCall)
        values["threaded"] = .flag((entity.isWritable && createCalls) || transitionsCall)
        return Self.routerTemplate.render(values)
    }

    /// What taking from another service's stock needs: that service, its reservations' path, and the
    /// stocked entity's field and line reference.
    private func stockValues(of reference: AppModel.Entity.Reference) -> [String: TemplateValue]? {
        guard let (other, target, stock) = stocked(reference) else { return nil }
        return [
            "target": .text(target.name),
            "stockField": .text(stock.field),
            "serviceName": .text(other.name),
            "serviceLiteral": .text(PythonTypes.pythonString(other.name)),
            "reservationsLiteral": .text(PythonTypes.pythonString("\(other.apiPrefix)/\(target.plural)/reservations")),
            "referenceLiteral": .text(PythonTypes.pythonString(stock.reference)),
        ]
    }

    private func stocked(_ reference: AppModel.Entity.Reference) -> (AppModel.Service, AppModel.Entity, AppModel.Stock)? {
        guard let (other, target) = model.entity(reference), let stock = target.stock else { return nil }
        return (other, target, stock)
    }

    private func stockField(of reference: AppModel.Entity.Reference) -> String { stocked(reference)?.2.field ?? "" }

    private func balanced(_ reference: AppModel.Entity.Reference) -> (AppModel.Service, AppModel.Entity, AppModel.Balance)? {
        guard let (other, target) = model.entity(reference), let balance = target.balance else { return nil }
        return (other, target, balance)
    }

    /// Who may take or move an entity's stock or balance: other services, and the roles that write it.
    private static func serviceAndWriterRoles(_ entity: AppModel.Entity) -> String {
        ([Industry.serviceRole] + entity.writers).map(PythonTypes.pythonString).joined(separator: ", ")
    }

    /// What posting moves, in words: "its account's balance (down for a debit, up otherwise)", or for
    /// a transfer "the from_account's balance down and the to_account's up by as much".
    static func moves(_ posting: AppModel.Posting, balance: String) -> String {
        let name = { (column: String) in String(column.dropLast(3)) }
        if let counterpart = posting.counterpartColumn {
            return "the \(name(posting.column))'s \(balance) down and the \(name(counterpart))'s up by as much"
        }
        if let debit = posting.debit { return "its \(name(posting.column))'s \(balance) (down for a \(debit), up otherwise)" }
        return "its \(name(posting.column))'s \(balance) down"
    }

    /// A balance's movements table and columns.
    static func balanceValues(_ balance: AppModel.Balance, of entity: AppModel.Entity) -> [String: TemplateValue] {
        [
            "field": .text(balance.field),
            "reference": .text(balance.reference),
            "movementClass": .text(balance.movementClass),
            "places": .text(String(entity.columns.first { $0.name == balance.field }?.decimalPlaces ?? 2)),
        ]
    }

    /// A stock's reservation tables and columns.
    static func stockValues(_ stock: AppModel.Stock, of entity: AppModel.Entity) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [
            "field": .text(stock.field),
            "reference": .text(stock.reference),
            "reservationClass": .text(stock.reservationClass),
            "lineClass": .text(stock.lineClass),
        ]
        if let price = stock.price, let column = entity.columns.first(where: { $0.name == price }) {
            values["price"] = .text(price)
            values["priceType"] = .text(column.type == .money ? "Money" : "Amount")
        }
        return values
    }

    /// The lifecycle's table of transitions, and one endpoint per transition.
    static func lifecycleValues(_ lifecycle: AppModel.Lifecycle, of entity: AppModel.Entity) -> [String: TemplateValue] {
        let string = PythonTypes.pythonString
        let transitions = lifecycle.transitions.map { transition -> [String: TemplateValue] in
            // Roles allowed from the same states are named together: "staff or admin from pending".
            var groups: [(roles: [String], states: [String])] = []
            for (role, states) in transition.from {
                if let index = groups.firstIndex(where: { $0.states == states }) { groups[index].roles.append(role) } else { groups.append(([role], states)) }
            }
            let who = groups.map { "\($0.roles.joined(separator: " or ")) from \($0.states.joined(separator: " or "))" }.joined(separator: "; ")
            var values: [String: TemplateValue] = [
                "transition": .text(transition.name),
                "transitionLiteral": .text(string(transition.name)),
                "toLiteral": .text(string(transition.to)),
                "rolesLiteral": .text(transition.roles.map(string).joined(separator: ", ")),
                "summary": .text("Moves a \(entity.name) to \(transition.to): \(who)."),
                "from": .objects(
                    transition.from.map { role, states in
                        [
                            "roleLiteral": .text(string(role)),
                            "statesLiteral": .text(PythonTypes.tuple(states)),
                        ]
                    }
                ),
            ]
            if let records = transition.records { values["recordsLiteral"] = .text(string(records)) }
            return values
        }
        return [
            "field": .text(lifecycle.field),
            "fieldLiteral": .text(string(lifecycle.field)),
            "initial": .text(lifecycle.initial),
            "initialLiteral": .text(string(lifecycle.initial)),
            "transitions": .objects(transitions),
        ]
    }

    private static func filter(_ column: AppModel.Column) -> [String: TemplateValue] {
        let type: String
        switch column.type {
        case .integer: type = "int"
        case .boolean: type = "bool"
        default: type = column.references != nil || column.external != nil ? "int" : "str"
        }
        return [
            "column": .text(column.name),
            "columnLiteral": .text(PythonTypes.pythonString(column.name)),
            "type": .text(type),
            "integer": .flag(type == "int"),
            "text": .flag(type == "str"),
            "email": .flag(column.type == .email),
        ]
    }

    /// The checks that a payload's references hold: a record of this service it may point at, or
    /// one that another service says exists.
    private func referenceChecks(_ entity: AppModel.Entity) -> [[String: TemplateValue]] {
        entity.inputColumns.compactMap { column -> [String: TemplateValue]? in
            var check: [String: TemplateValue] = ["column": .text(column.name), "nullable": .flag(column.nullable)]
            if let reference = column.references, let target = service.entity(referencedBy: column) {
                var local: [String: TemplateValue] = ["targetClass": .text(target.className), "target": .text(reference.entity)]
                if let role = target.ownedBy { local["targetOwnerRoleLiteral"] = .text(PythonTypes.pythonString(role)) }
                check["internal"] = .object(local)
            }
            if let external = column.external, let other = model.service(external.service) {
                check["external"] = [
                    "serviceLiteral": .text(PythonTypes.pythonString(external.service)),
                    "otherService": .text(external.service),
                    "servicePrefix": .text(other.apiPrefix),
                    "targetPlural": .text(external.plural),
                    "target": .text(external.entity),
                ]
            }
            return check.count > 2 ? check : nil
        }
    }

    /// A precondition's query, in the router template's words.
    private static func preconditionValues(_ precondition: AppModel.Precondition) -> [String: TemplateValue] {
        [
            "function": .text(precondition.name),
            "exists": .text(precondition.exists),
            "existsClass": .text(precondition.existsClass),
            "textLiteral": .text(PythonTypes.pythonString(precondition.text)),
            "joins": .objects(
                precondition.joins.map {
                    ["alias": .text($0.alias), "targetClass": .text($0.targetClass), "from": .text($0.from), "column": .text($0.column)]
                }
            ),
            "matches": .objects(
                precondition.matches.map { ["on": .text($0.on), "column": .text($0.column), "own": .text($0.own ?? $0.column)] }
            ),
            "exclusions": .objects(
                precondition.exclusions.map {
                    ["on": .text($0.on), "column": .text($0.column), "valuesTuple": .text(PythonTypes.tuple($0.values))]
                }
            ),
        ]
    }
}
