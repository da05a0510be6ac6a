import GravityModel

/// The values of a posting's test file (Templates/backend/tests/posting_tests.py): what posting asks
/// the other service to move and as whom, refusals that move nothing, and the reversal.
struct PythonPostingTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity
    let posting: AppModel.Posting

    static let template = CodeTemplate("backend/tests/posting_tests.py.mustache", bytes: PackageResources.posting_tests_py_mustache)

    var file: String? {
        guard let lifecycle = entity.lifecycle, let other = model.service(posting.reference.service),
            let target = other.entities.first(where: { $0.name == posting.reference.entity }), let balance = target.balance,
            let post = lifecycle.transitions.first(where: { $0.name == posting.postedBy }), let (postRole, toPost) = lifecycle.firstWay(to: post),
            let otherDirection = entity.columns.first(where: { $0.name == posting.direction })?.values.first(where: { $0 != posting.debit })
        else { return nil }
        let literal = { (text: String) in TemplateValue.text(PythonTypes.pythonString(text)) }
        var values = PythonStockTakingTests.common(model: model, service: service, entity: entity, other: other, target: target)
        let more: [String: TemplateValue] = [
            "balanceField": .text(balance.field),
            "movementsLiteral": literal("\(other.apiPrefix)/\(target.plural)/movements"),
            "referenceLiteral": literal(balance.reference),
            "columnLiteral": literal(posting.column),
            "amountLiteral": literal(posting.amount),
            "directionLiteral": literal(posting.direction),
            "debit": .text(posting.debit),
            "debitLiteral": literal(posting.debit),
            "otherDirectionLiteral": literal(otherDirection),
            "keyLiteral": literal(posting.keyColumn),
            "statusLiteral": literal(lifecycle.field),
            "initial": .text(lifecycle.initial),
            "initialLiteral": literal(lifecycle.initial),
            "postedBy": .text(posting.postedBy),
            "postStepsLiteral": .text(PythonTypes.steps(toPost + [(post, postRole)])),
        ]
        values.merge(more) { first, _ in first }
        if let reversedBy = posting.reversedBy, let reverse = lifecycle.transitions.first(where: { $0.name == reversedBy }),
            let (role, path) = lifecycle.firstWay(to: reverse)
        {
            values["reversedBy"] = .text(reversedBy)
            values["reverseStepsLiteral"] = .text(PythonTypes.steps(path + [(reverse, role)]))
        }
        return Self.template.render(values)
    }
}
