import GravityModel

/// The values of the test file of a placement's lines (Templates/backend/tests/placed_lines_tests.py),
/// in place of the generic entity tests: lines are made by placing their order, and only read.
struct PythonPlacedLinesTestFile {
    let model: AppModel
    let service: AppModel.Service
    let lines: AppModel.Entity
    let order: AppModel.Entity
    let placement: AppModel.Placement

    static let template = CodeTemplate("backend/tests/placed_lines_tests.py.mustache", bytes: PackageResources.placed_lines_tests_py_mustache)

    private func literal(_ text: String) -> TemplateValue { .text(PythonTypes.pythonString(text)) }

    var file: String {
        var values: [String: TemplateValue] = [
            "label": .text(lines.label),
            "order": .text(order.name),
            "orderPlural": .text(order.plural),
            "target": .text(placement.reference.entity),
            "pathLiteral": literal("\(service.apiPrefix)/\(lines.plural)"),
            "administratorLiteral": literal(model.administratorRole),
            "linesLiteral": literal(AppModel.Placement.linesField),
            "orderColumnLiteral": literal(placement.orderColumn),
            "unitPriceLiteral": literal(placement.unitPrice),
            "stockLiteral": literal(placement.stockColumn),
        ]
        // The order's tests place it as account 1 of this role, whose lines the others must not see.
        let payloads = PythonTestPayloads(model: model, service: service)
        if let owner = order.ownedBy, payloads.helperRole(order) == owner { values["ownerLiteral"] = literal(owner) }
        return Self.template.render(values)
    }
}
