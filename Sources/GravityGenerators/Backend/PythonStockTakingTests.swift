import GravityModel

/// What the tests of a rule that takes another service's stock share (a claim's, a placement's): the
/// record and the stocked entity, their paths and who acts, and the lifecycle walks to each
/// transition that gives the stock back and to one that keeps it.
enum PythonStockTakingTests {
    static func values(
        model: AppModel, service: AppModel.Service, entity: AppModel.Entity, reference: AppModel.Entity.Reference, releasedBy: [String]
    ) -> [String: TemplateValue]? {
        guard let (other, target) = model.entity(reference), let stock = target.stock else { return nil }
        let literal = { (text: String) in TemplateValue.text(PythonTypes.pythonString(text)) }
        var values = common(model: model, service: service, entity: entity, other: other, target: target)
        values["stockField"] = .text(stock.field)
        values["reservationsLiteral"] = literal("\(other.apiPrefix)/\(target.plural)/reservations")
        values["referenceLiteral"] = literal(stock.reference)
        values["releasedByText"] = .text(releasedBy.isEmpty ? "nothing" : releasedBy.joined(separator: " or "))
        if let owner = entity.ownedBy { values["ownerLiteral"] = literal(owner) }
        guard let lifecycle = entity.lifecycle else { return values }
        let walks = lifecycle.transitions.compactMap { transition -> (String, [String: TemplateValue])? in
            guard let (role, path) = lifecycle.firstWay(to: transition) else { return nil }
            return (transition.name, ["transition": .text(transition.name), "stepsLiteral": .text(PythonTypes.steps(path + [(transition, role)]))])
        }
        values["releases"] = .objects(walks.filter { releasedBy.contains($0.0) }.map(\.1))
        // A transition that does not release, reached without passing one that does.
        values["keeps"] = .objects(walks.filter { !releasedBy.contains($0.0) }.prefix(1).map(\.1))
        return values
    }

    /// The record, the other service's entity it acts on, their paths, and who acts: what every test
    /// file of a rule across services starts from.
    static func common(
        model: AppModel, service: AppModel.Service, entity: AppModel.Entity, other: AppModel.Service, target: AppModel.Entity
    ) -> [String: TemplateValue] {
        let literal = { (text: String) in TemplateValue.text(PythonTypes.pythonString(text)) }
        return [
            "label": .text(entity.label),
            "name": .text(entity.name),
            "plural": .text(entity.plural),
            "target": .text(target.name),
            "service": .text(other.name),
            "serviceLiteral": literal(other.name),
            "ownServiceLiteral": literal(service.name),
            "pathLiteral": literal("\(service.apiPrefix)/\(entity.plural)"),
            "creatorLiteral": literal(entity.creatingRole(administrator: model.administratorRole)),
            "administratorLiteral": literal(model.administratorRole),
        ]
    }
}
