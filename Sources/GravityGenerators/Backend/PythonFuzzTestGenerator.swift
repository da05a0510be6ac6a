import GravityModel

/// Writes a service's property-based tests (`tests/test_fuzz.py`, Templates/backend/tests/): every
/// endpoint is fed input of any shape drawn by Hypothesis, and none may answer 5xx. Derandomized and
/// bounded, so a run tries the same inputs every time and stays quick on two cores.
struct PythonFuzzTestGenerator {
    let model: AppModel
    let service: AppModel.Service

    /// Examples per test: enough to reach every validator, few enough for a few seconds a service.
    static let examples = 25

    static let template = CodeTemplate("backend/tests/test_fuzz.py.mustache", bytes: PackageResources.test_fuzz_py_mustache)

    var file: String {
        var values: [String: TemplateValue] = [
            "service": .text(service.name),
            "administratorLiteral": .text(PythonTypes.pythonString(model.administratorRole)),
            "examples": .text(String(Self.examples)),
        ]
        if service.isIdentity {
            values["identity"] = ["prefixLiteral": .text(PythonTypes.pythonString(service.apiPrefix))]
        } else {
            values["entities"] = .objects(service.entities.map(entity))
        }
        return Self.template.render(values)
    }

    private func entity(_ entity: AppModel.Entity) -> [String: TemplateValue] {
        let query = ["page", "page_size", "q"] + PythonEntityModules.filterable(entity).map(\.name)
        var values: [String: TemplateValue] = [
            "name": .text(entity.name),
            "plural": .text(entity.plural),
            "constant": .text(entity.plural.uppercased()),
            "pathLiteral": .text(PythonTypes.pythonString("\(service.apiPrefix)/\(entity.plural)")),
            "fieldLiterals": .text(
                (entity.inputColumns.map(\.name) + (entity.placement == nil ? [] : [AppModel.Placement.linesField])).map(PythonTypes.pythonString)
                    .joined(separator: ", ")
            ),
            "writable": .flag(entity.isWritable),
            // A record with a lifecycle is moved, not deleted; an order's line is not written at all.
            "deletes": .flag(entity.isWritable && entity.lifecycle == nil),
            "readTest": .text(entity.isWritable && entity.lifecycle == nil ? "read_and_delete_never_answer_5xx" : "read_never_answers_5xx"),
            "queryLiterals": .text(query.map(PythonTypes.pythonString).joined(separator: ", ")),
        ]
        if let stock = entity.stock { values["stockReference"] = .text(PythonTypes.pythonString(stock.reference)) }
        if let balance = entity.balance { values["balanceReference"] = .text(PythonTypes.pythonString(balance.reference)) }
        if let placement = entity.placement {
            values["placementLines"] = [
                "linesLiteral": .text(PythonTypes.pythonString(AppModel.Placement.linesField)),
                "stockLiteral": .text(PythonTypes.pythonString(placement.stockColumn)),
                "quantityLiteral": .text(PythonTypes.pythonString(placement.quantity)),
            ]
        }
        // A record with a lifecycle is moved, not replaced or deleted.
        if let lifecycle = entity.lifecycle {
            values["transitionLiterals"] = .text(lifecycle.transitions.map { PythonTypes.pythonString($0.name) }.joined(separator: ", "))
        }
        return values
    }
}
