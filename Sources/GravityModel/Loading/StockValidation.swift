/// Checks an industry's stocks against its entities, each problem located in the file.
enum StockValidation {
    static func check(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        var seen = Set<String>()
        for (index, stock) in industry.stocks.enumerated() {
            let at: [PathElement] = ["stocks", .index(index)]
            guard let entity = industry.entity(named: stock.entity) else {
                throw document.invalid("unknown entity '\(stock.entity)'", at: at + ["entity"])
            }
            guard seen.insert(entity.name).inserted else {
                throw document.invalid("entity '\(entity.name)' already has a stock", at: at + ["entity"])
            }
            guard let field = entity.fields.first(where: { $0.name == stock.field }), field.type == .integer else {
                throw document.invalid("'\(stock.field)' is not an integer field of \(entity.name)", at: at + ["field"])
            }
            // The database refuses what would take it below zero; without the bound it could not.
            guard field.required, let minimum = field.minimum, minimum >= 0 else {
                throw document.invalid("stock '\(field.name)' must be required with a minimum of 0 or more", at: at + ["field"])
            }
            if let price = stock.price {
                guard let priced = entity.fields.first(where: { $0.name == price }), [.money, .decimal].contains(priced.type), priced.required
                else { throw document.invalid("'\(price)' is not a required money field of \(entity.name)", at: at + ["price"]) }
            }
        }
    }
}
