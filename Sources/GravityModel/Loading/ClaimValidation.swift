/// Checks an industry's claims against its entities, stocks and lifecycles, each problem located in the file.
enum ClaimValidation {
    static func check(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        var seen = Set<String>()
        for (index, claim) in industry.claims.enumerated() {
            let at: [PathElement] = ["claims", .index(index)]
            guard let entity = industry.entity(named: claim.entity) else {
                throw document.invalid("unknown entity '\(claim.entity)'", at: at + ["entity"])
            }
            guard seen.insert(entity.name).inserted else {
                throw document.invalid("entity '\(entity.name)' already has a claim", at: at + ["entity"])
            }
            // The unit is taken from the other service over HTTP, where the stock's reservations live.
            guard let relation = entity.relations.first(where: { $0.name == claim.stock }), relation.required,
                let target = industry.entity(named: relation.entity), target.context != entity.context,
                industry.stocks.contains(where: { $0.entity == target.name })
            else {
                throw document.invalid(
                    "'\(claim.stock)' is not a required relation of \(entity.name) to another context's entity with a stock", at: at + ["stock"])
            }
            let transitions = industry.lifecycles.first { $0.entity == entity.name }?.transitions.map(\.name) ?? []
            for (number, name) in claim.releasedBy.enumerated() where !transitions.contains(name) {
                throw document.invalid("'\(name)' is not a transition of \(entity.name)'s lifecycle", at: at + ["released_by", .index(number)])
            }
        }
    }
}
