import GravityModel

extension AppModelBuilder {
    /// The balance `field` of `entity` that postings move: the server's alone, never NULL or below
    /// zero whatever a schema draft said, with the table its movements are kept in.
    func balance(_ field: String, of entity: inout AppModel.Entity, entity name: String, service: String) throws -> (AppModel.Balance, AppModel.Entity) {
        guard let index = entity.columns.firstIndex(where: { $0.name == SafeIdentifier.make(field) && $0.type == .money }) else {
            throw GenerationError.incoherentPosting(entity: name, problem: "keeps its balance in '\(field)', which is not a money column of \(entity.table)")
        }
        entity.columns[index].nullable = false
        entity.columns[index].minimum = max(entity.columns[index].minimum ?? 0, 0)
        entity.columns[index].isServerOwned = true
        func column(_ name: String, _ type: FieldType, nullable: Bool = false, unique: Bool = false, maxLength: Int? = nil) -> AppModel.Column {
            AppModel.Column(
                name: name, type: type, nullable: nullable, unique: unique, primaryKey: name == "id", maxLength: maxLength, minimum: nil, values: [],
                references: nil, external: nil, indexed: false, isAudit: name == "created_at", decimalPlaces: entity.columns[index].decimalPlaces
            )
        }
        let reference = "\(entity.name)_id"
        var owner = column(reference, .integer)
        owner.references = .init(service: service, entity: entity.name, plural: entity.plural)
        owner.indexed = true
        // The other side of a transfer, if the movement is one.
        var counterpart = column("counterpart_id", .integer, nullable: true)
        counterpart.references = owner.references
        counterpart.indexed = true
        let movementName = "\(entity.name)_movement"
        let movements = AppModel.Entity(
            name: movementName, className: Naming.typeName(movementName), plural: movementName + "s", table: movementName + "s",
            columns: [
                column("id", .integer, unique: true), column("movement_key", .string, unique: true, maxLength: 64), owner, counterpart,
                // Signed: a debit is negative.
                column("amount", .money), column("reversed_at", .datetime, nullable: true), column("created_at", .datetime, nullable: true),
            ],
            publicRead: false, writers: [], ownedBy: nil
        )
        let balance = AppModel.Balance(
            field: entity.columns[index].name, movementClass: movements.className, movementTable: movements.table, reference: reference)
        return (balance, movements)
    }

    /// `spec` in the model's names; the record gets the server's column keeping its movement's key.
    func posting(_ spec: Posting, of entity: inout AppModel.Entity) throws -> AppModel.Posting {
        func problem(_ text: String) -> GenerationError { .incoherentPosting(entity: spec.entity, problem: text) }
        let name = SafeIdentifier.make(spec.account + "_id")
        guard let column = entity.columns.first(where: { $0.name == name }), !column.nullable, let reference = column.external,
            balances.keys.contains(where: { safeEntity[$0] == reference.entity })
        else { throw problem("moves '\(spec.account)', which is not a required reference to another service's entity with a balance") }
        let amount = SafeIdentifier.make(spec.amount)
        guard entity.columns.contains(where: { $0.name == amount && $0.type == .money && !$0.nullable && $0.isInput && ($0.minimum ?? 0) > 0 }) else {
            throw problem("moves by '\(spec.amount)', which is not a NOT NULL money column of \(entity.table) with a minimum above 0")
        }
        let direction = spec.direction.map(SafeIdentifier.make)
        if let direction, let raw = spec.direction {
            guard let debit = spec.debit, entity.columns.contains(where: { $0.name == direction && $0.type == .choice && !$0.nullable && $0.values.contains(debit) })
            else {
                throw problem("goes the way '\(raw)' says, which is not a NOT NULL choice column of \(entity.table) with the value '\(spec.debit ?? "")'")
            }
        }
        var counterpartColumn: String?
        if let counterpart = spec.counterpart {
            let name = SafeIdentifier.make(counterpart + "_id")
            guard name != column.name, let other = entity.columns.first(where: { $0.name == name }), !other.nullable, other.external == reference else {
                throw problem("moves '\(counterpart)' the other way, which is not another required reference of \(entity.table) to \(reference.entity)")
            }
            counterpartColumn = name
        }
        let transitions = entity.lifecycle?.transitions.map(\.name) ?? []
        for transition in [spec.postedBy] + (spec.reversedBy.map { [$0] } ?? []) where !transitions.contains(SafeIdentifier.make(transition)) {
            throw problem("is moved by '\(transition)', which is not a transition of its lifecycle")
        }
        guard entity.claim == nil, entity.placement == nil, !entity.columns.contains(where: { $0.name == AppModel.Posting.keyColumn }) else {
            throw problem("needs the column '\(AppModel.Posting.keyColumn)' for its movement, and no claim or placement besides")
        }
        entity.columns.append(.serverText(AppModel.Posting.keyColumn, unique: true))
        return AppModel.Posting(
            column: name, reference: reference, amount: amount, direction: direction, debit: spec.debit, counterpartColumn: counterpartColumn,
            postedBy: SafeIdentifier.make(spec.postedBy), reversedBy: spec.reversedBy.map(SafeIdentifier.make), keyColumn: AppModel.Posting.keyColumn
        )
    }
}
