import GravityModel

/// The values of a balance's test file (Templates/backend/tests/balance_tests.py): movements in exact
/// decimals, once per key, never below zero, moved back once, and who may move money.
struct PythonBalanceTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity
    let balance: AppModel.Balance

    static let template = CodeTemplate("backend/tests/balance_tests.py.mustache", bytes: PackageResources.balance_tests_py_mustache)

    var file: String {
        let literal = { (text: String) in TemplateValue.text(PythonTypes.pythonString(text)) }
        var values: [String: TemplateValue] = [
            "label": .text(entity.label),
            "name": .text(entity.name),
            "plural": .text(entity.plural),
            "field": .text(balance.field),
            "fieldLiteral": literal(balance.field),
            "referenceLiteral": literal(balance.reference),
            "pathLiteral": literal("\(service.apiPrefix)/\(entity.plural)"),
            "administratorLiteral": literal(model.administratorRole),
            "places": .text(String(entity.columns.first { $0.name == balance.field }?.decimalPlaces ?? 2)),
        ]
        if let outsider = model.roles.first(where: { !entity.writers.contains($0) }) { values["outsiderLiteral"] = literal(outsider) }
        return Self.template.render(values)
    }
}
