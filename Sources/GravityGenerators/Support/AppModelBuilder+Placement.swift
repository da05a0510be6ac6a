import GravityModel

extension AppModelBuilder {
    /// Resolves `spec` if its order is one of `entities` (a service's): the order gets the placement
    /// and the server's column for its reservation's key; its total and time become the server's,
    /// and its lines become read only, their price the server's, seen by whoever sees their order.
    func place(_ spec: Placement, in entities: inout [AppModel.Entity]) throws {
        guard let orderName = safeEntity[spec.entity], let orderIndex = entities.firstIndex(where: { $0.name == orderName }) else { return }
        func problem(_ text: String) -> GenerationError { .incoherentPlacement(entity: spec.entity, problem: text) }
        guard let linesName = safeEntity[spec.lines], let linesIndex = entities.firstIndex(where: { $0.name == linesName }) else {
            throw problem("has lines '\(spec.lines)', which its service does not keep")
        }
        var order = entities[orderIndex]
        var lines = entities[linesIndex]
        guard let lifecycle = order.lifecycle else {
            throw problem("needs a lifecycle: a placed \(order.name) is moved, never replaced")
        }
        guard order.claim == nil, order.schedule == nil else { throw problem("cannot also be a claim or a schedule") }
        guard let orderColumn = lines.columns.first(where: { $0.references?.plural == order.plural && !$0.nullable }) else {
            throw problem("has lines in \(lines.table), which has no required reference to \(order.table)")
        }
        let stockName = SafeIdentifier.make(spec.stock + "_id")
        guard let stockColumn = lines.columns.first(where: { $0.name == stockName }), !stockColumn.nullable, let reference = stockColumn.external,
            stocks.contains(where: { safeEntity[$0.entity] == reference.entity && $0.price != nil })
        else { throw problem("takes from '\(spec.stock)', which is not a required reference of \(lines.table) to another service's entity with a priced stock") }
        func column(_ raw: String, of entity: AppModel.Entity, types: [FieldType], what: String) throws -> Int {
            let name = SafeIdentifier.make(raw)
            guard let index = entity.columns.firstIndex(where: { $0.name == name && types.contains($0.type) && !$0.nullable && $0.isInput }) else {
                throw problem("names '\(raw)', which is not a NOT NULL \(what) column of \(entity.table)")
            }
            return index
        }
        let quantity = try column(spec.quantity, of: lines, types: [.integer], what: "integer")
        let unitPrice = try column(spec.unitPrice, of: lines, types: [.money, .decimal], what: "money")
        let total = try column(spec.total, of: order, types: [.money, .decimal], what: "money")
        let placedAt = try spec.placedAt.map { try column($0, of: order, types: [.datetime], what: "datetime") }
        if let unknown = spec.releasedBy.first(where: { !lifecycle.transitions.map(\.name).contains(SafeIdentifier.make($0)) }) {
            throw problem("is released by '\(unknown)', which is not a transition of its lifecycle")
        }
        guard !order.columns.contains(where: { $0.name == AppModel.Placement.linesField }) else {
            throw problem("takes its lines in the field '\(AppModel.Placement.linesField)', which \(order.table) already has as a column")
        }
        guard !order.columns.contains(where: { $0.name == AppModel.Claim.keyColumn }) else {
            throw problem("needs the column '\(AppModel.Claim.keyColumn)' for its reservation, which \(order.table) already has")
        }
        let filled = [orderColumn.name, stockName, lines.columns[quantity].name, lines.columns[unitPrice].name]
        if let other = lines.inputColumns.first(where: { !$0.nullable && !filled.contains($0.name) }) {
            throw problem("has lines whose required column '\(other.name)' a placement cannot fill")
        }

        lines.columns[quantity].minimum = max(lines.columns[quantity].minimum ?? 1, 1)
        lines.columns[unitPrice].isServerOwned = true
        order.columns[total].isServerOwned = true
        if let placedAt { order.columns[placedAt].isServerOwned = true }
        order.columns.append(.serverText(AppModel.Claim.keyColumn, unique: true))
        // Whoever may see an order sees its lines, and no one else.
        lines.ownedBy = order.ownedBy
        lines.publicRead = false
        let hasOwnerColumn = lines.columns.contains { $0.name == AppModel.Entity.ownerColumn }
        if order.ownedBy != nil, !hasOwnerColumn {
            lines.columns.append(.owner)
        }
        lines.placedWith = order.name
        order.placement = AppModel.Placement(
            lines: lines.name, linesClass: lines.className, linesPlural: lines.plural, orderColumn: orderColumn.name, stockColumn: stockName,
            reference: reference, quantity: lines.columns[quantity].name, unitPrice: lines.columns[unitPrice].name,
            total: order.columns[total].name, placedAt: placedAt.map { order.columns[$0].name }, keyColumn: AppModel.Claim.keyColumn,
            releasedBy: spec.releasedBy.map(SafeIdentifier.make)
        )
        entities[orderIndex] = order
        entities[linesIndex] = lines
    }
}
