import GravityModel

/// The values of a stock's test file (Templates/backend/tests/stock_tests.py): reserving,
/// repeating a key, short lines, the last units, releasing, who may, and the database's own check.
struct PythonStockTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity
    let stock: AppModel.Stock

    static let template = CodeTemplate("backend/tests/stock_tests.py.mustache", bytes: PackageResources.stock_tests_py_mustache)

    private func literal(_ text: String) -> TemplateValue { .text(PythonTypes.pythonString(text)) }

    var file: String {
        let staff = entity.writers.first { $0 != entity.ownedBy } ?? model.administratorRole
        var values: [String: TemplateValue] = [
            "label": .text(entity.label),
            "name": .text(entity.name),
            "className": .text(entity.className),
            "plural": .text(entity.plural),
            "pathLiteral": literal("\(service.apiPrefix)/\(entity.plural)"),
            "field": .text(stock.field),
            "fieldLiteral": literal(stock.field),
            "referenceLiteral": literal(stock.reference),
            "staffLiteral": literal(staff),
        ]
        if let price = stock.price { values["priceLiteral"] = literal(price) }
        if let outsider = model.roles.first(where: { !entity.writers.contains($0) }) { values["outsiderLiteral"] = literal(outsider) }
        return Self.template.render(values)
    }
}
