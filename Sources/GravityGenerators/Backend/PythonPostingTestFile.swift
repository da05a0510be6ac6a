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
        guard let lifecycle = entity.lifecycle, let (other, target) = model.entity(posting.reference), let balance = target.balance,
            let post = lifecycle.transitions.first(where: { $0.name == posting.postedBy }), let (postRole, toPost) = lifecycle.firstWay(to: post)
        else { return nil }
        let literal = { (text: String) in TemplateValue.text(PythonTypes.pythonString(text)) }
        var values = PythonStockTakingTests.common(model: model, service: service, entity: entity, other: other, target: target)
        let more: [String: TemplateValue] = [
            "balanceField": .text(balance.field),
            "movementsLiteral": literal("\(other.apiPrefix)/\(target.plural)/movements"),
            "referenceLiteral": literal(balance.reference),
            "columnLiteral": literal(posting.column),
            "amountLiteral": literal(posting.amount),
            "moves": .text(PythonEntityModules.moves(posting, balance: balance.field)),
            "keyLiteral": literal(posting.keyColumn),
            "statusLiteral": literal(lifecycle.field),
            "initial": .text(lifecycle.initial),
            "initialLiteral": literal(lifecycle.initial),
            "postedBy": .text(posting.postedBy),
            "postStepsLiteral": .text(PythonTypes.steps(toPost + [(post, postRole)])),
        ]
        values.merge(more) { first, _ in first }
        let string = PythonTypes.pythonString
        // Which way posting moves it for each direction the record can say (always down without one).
        if let direction = posting.direction, let debit = posting.debit,
            let other = entity.columns.first(where: { $0.name == direction })?.values.first(where: { $0 != debit })
        {
            values["directionCases"] = .text(
                "({\(string(direction)): \(string(debit))}, \"debit\"), ({\(string(direction)): \(string(other))}, \"credit\")")
            values["soldOutChanges"] = .text("{\(string(posting.column)): SOLD_OUT_ID, \(string(direction)): \(string(debit))}")
        } else {
            values["directionCases"] = .text("({}, \"debit\")")
            values["soldOutChanges"] = .text("{\(string(posting.column)): SOLD_OUT_ID}")
        }
        if let counterpart = posting.counterpartColumn { values["counterpartLiteral"] = literal(counterpart) }
        if let reversedBy = posting.reversedBy, let reverse = lifecycle.transitions.first(where: { $0.name == reversedBy }),
            let (role, path) = lifecycle.firstWay(to: reverse)
        {
            values["reversedBy"] = .text(reversedBy)
            values["reverseStepsLiteral"] = .text(PythonTypes.steps(path + [(reverse, role)]))
        }
        return Self.template.render(values)
    }
}
