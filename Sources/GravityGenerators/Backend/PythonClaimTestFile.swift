import GravityModel

/// The values of a claim's test file (Templates/backend/tests/claim_tests.py): what creating a
/// record takes from the other service and as whom, refusals that save nothing, and which
/// transitions give the unit back.
struct PythonClaimTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity
    let claim: AppModel.Claim

    static let template = CodeTemplate("backend/tests/claim_tests.py.mustache", bytes: PackageResources.claim_tests_py_mustache)

    private func literal(_ text: String) -> TemplateValue { .text(PythonTypes.pythonString(text)) }

    var file: String? {
        guard let other = model.service(claim.reference.service), let target = other.entities.first(where: { $0.name == claim.reference.entity }),
            let stock = target.stock
        else { return nil }
        var values: [String: TemplateValue] = [
            "label": .text(entity.label),
            "name": .text(entity.name),
            "plural": .text(entity.plural),
            "target": .text(target.name),
            "stockField": .text(stock.field),
            "service": .text(other.name),
            "serviceLiteral": literal(other.name),
            "ownServiceLiteral": literal(service.name),
            "pathLiteral": literal("\(service.apiPrefix)/\(entity.plural)"),
            "reservationsLiteral": literal("\(other.apiPrefix)/\(target.plural)/reservations"),
            "referenceLiteral": literal(stock.reference),
            "columnLiteral": literal(claim.column),
            "keyLiteral": literal(claim.keyColumn),
            "creatorLiteral": literal(entity.creatingRole(administrator: model.administratorRole)),
            "administratorLiteral": literal(model.administratorRole),
            "releasedByText": .text(claim.releasedBy.isEmpty ? "nothing" : claim.releasedBy.joined(separator: " or ")),
        ]
        if let owner = entity.ownedBy { values["ownerLiteral"] = literal(owner) }
        if let lifecycle = entity.lifecycle {
            let walks = lifecycle.transitions.compactMap { transition -> (String, [String: TemplateValue])? in
                guard let (role, path) = lifecycle.firstWay(to: transition) else { return nil }
                return (
                    transition.name,
                    ["transition": .text(transition.name), "stepsLiteral": .text(PythonTypes.steps(path + [(transition, role)]))]
                )
            }
            values["releases"] = .objects(walks.filter { claim.releasedBy.contains($0.0) }.map(\.1))
            // A transition that does not release, reached without passing one that does.
            values["keeps"] = .objects(
                walks.filter { !claim.releasedBy.contains($0.0) }.prefix(1).map(\.1)
            )
        }
        return Self.template.render(values)
    }
}
