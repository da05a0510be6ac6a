import GravityModel

/// The values of a placement's test file (Templates/backend/tests/placement_tests.py): what placing
/// an order asks the other service for and as whom, the prices and total it keeps, the refusals that
/// save nothing, and which transitions give the stock back.
struct PythonPlacementTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity
    let placement: AppModel.Placement

    static let template = CodeTemplate("backend/tests/placement_tests.py.mustache", bytes: PackageResources.placement_tests_py_mustache)

    private func literal(_ text: String) -> TemplateValue { .text(PythonTypes.pythonString(text)) }

    var file: String? {
        guard let lifecycle = entity.lifecycle,
            var values = PythonStockTakingTests.values(
                model: model, service: service, entity: entity, reference: placement.reference, releasedBy: placement.releasedBy)
        else { return nil }
        let more: [String: TemplateValue] = [
            "total": .text(placement.total),
            "linesPathLiteral": literal("\(service.apiPrefix)/\(placement.linesPlural)"),
            "linesLiteral": literal(AppModel.Placement.linesField),
            "stockLiteral": literal(placement.stockColumn),
            "quantityLiteral": literal(placement.quantity),
            "unitPriceLiteral": literal(placement.unitPrice),
            "totalLiteral": literal(placement.total),
            "keyLiteral": literal(placement.keyColumn),
            "statusLiteral": literal(lifecycle.field),
            "initialLiteral": literal(lifecycle.initial),
            "serverFieldLiterals": .text(entity.columns.filter(\.isServerOwned).map { PythonTypes.pythonString($0.name) }.joined(separator: ", ")),
            "tooManyLines": .text(String(AppModel.Placement.maximumLines + 1)),
        ]
        values.merge(more) { first, _ in first }
        if let placedAt = placement.placedAt { values["placedAtLiteral"] = literal(placedAt) }
        return Self.template.render(values)
    }
}
