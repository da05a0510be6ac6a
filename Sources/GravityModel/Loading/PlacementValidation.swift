/// Checks an industry's placements against its entities, stocks and lifecycles, each problem located in the file.
enum PlacementValidation {
    static func check(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        var seen = Set<String>()
        for (index, placement) in industry.placements.enumerated() {
            let at: [PathElement] = ["placements", .index(index)]
            guard let order = industry.entity(named: placement.entity) else {
                throw document.invalid("unknown entity '\(placement.entity)'", at: at + ["entity"])
            }
            guard seen.insert(order.name).inserted else {
                throw document.invalid("entity '\(order.name)' already has a placement", at: at + ["entity"])
            }
            guard let lines = industry.entity(named: placement.lines), lines.context == order.context,
                lines.relations.contains(where: { $0.entity == order.name && $0.required })
            else {
                throw document.invalid(
                    "'\(placement.lines)' is not an entity of \(order.name)'s context with a required relation to it", at: at + ["lines"])
            }
            guard let relation = lines.relations.first(where: { $0.name == placement.stock }), relation.required,
                let stocked = industry.entity(named: relation.entity), stocked.context != order.context,
                industry.stocks.contains(where: { $0.entity == stocked.name && $0.price != nil })
            else {
                throw document.invalid(
                    "'\(placement.stock)' is not a required relation of \(lines.name) to another context's entity with a priced stock",
                    at: at + ["stock"])
            }
            func field(_ name: String, of entity: DomainEntity, is types: [FieldType], minimum: Double? = nil) -> Bool {
                entity.fields.contains { $0.name == name && types.contains($0.type) && $0.required && ($0.minimum ?? -1) >= (minimum ?? -1) }
            }
            guard field(placement.quantity, of: lines, is: [.integer], minimum: 1) else {
                throw document.invalid("'\(placement.quantity)' is not a required integer field of \(lines.name) with a minimum of 1", at: at + ["quantity"])
            }
            guard field(placement.unitPrice, of: lines, is: [.money]) else {
                throw document.invalid("'\(placement.unitPrice)' is not a required money field of \(lines.name)", at: at + ["unit_price"])
            }
            guard field(placement.total, of: order, is: [.money]) else {
                throw document.invalid("'\(placement.total)' is not a required money field of \(order.name)", at: at + ["total"])
            }
            if let placedAt = placement.placedAt, !field(placedAt, of: order, is: [.datetime]) {
                throw document.invalid("'\(placedAt)' is not a required datetime field of \(order.name)", at: at + ["placed_at"])
            }
            let transitions = industry.lifecycles.first { $0.entity == order.name }?.transitions.map(\.name) ?? []
            for (number, name) in placement.releasedBy.enumerated() where !transitions.contains(name) {
                throw document.invalid("'\(name)' is not a transition of \(order.name)'s lifecycle", at: at + ["released_by", .index(number)])
            }
        }
    }
}
