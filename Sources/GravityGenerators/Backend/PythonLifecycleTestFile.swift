import GravityModel

/// The values of a lifecycle's test file (Templates/backend/tests/lifecycle_tests.py): each
/// transition taken by a role that may, from a state reached by the shortest way there; refused
/// from a state it does not leave (409) and for a role that may not take it (403).
struct PythonLifecycleTestFile {
    let model: AppModel
    let service: AppModel.Service
    let entity: AppModel.Entity
    let lifecycle: AppModel.Lifecycle

    static let template = CodeTemplate("backend/tests/lifecycle_tests.py.mustache", bytes: PackageResources.lifecycle_tests_py_mustache)

    /// Accounts of the owning role create the records and act as account 1; the others as 9.
    private var creator: String { entity.creatingRole(administrator: model.administratorRole) }

    private func literal(_ text: String) -> TemplateValue { .text(PythonTypes.pythonString(text)) }

    private func actor(_ role: String) -> String { role == entity.ownedBy ? "1" : "9" }

    private func steps(_ path: [(transition: AppModel.Lifecycle.Transition, role: String)]) -> TemplateValue {
        .text(PythonTypes.steps(path))
    }

    var file: String? {
        guard let first = lifecycle.transitions.first, let firstRole = first.roles.first else { return nil }
        var values: [String: TemplateValue] = [
            "label": .text(entity.label),
            "name": .text(entity.name),
            "plural": .text(entity.plural),
            "pathLiteral": literal("\(service.apiPrefix)/\(entity.plural)"),
            "field": .text(lifecycle.field),
            "fieldLiteral": literal(lifecycle.field),
            "initial": .text(lifecycle.initial),
            "initialLiteral": literal(lifecycle.initial),
            "serverLiterals": .text("[" + lifecycle.serverColumns.map(PythonTypes.pythonString).joined(separator: ", ") + "]"),
            "creatorLiteral": literal(creator),
            "administratorLiteral": literal(model.administratorRole),
            "firstTransition": .text(first.name),
            "firstRoleLiteral": literal(firstRole),
            "transitions": .objects(lifecycle.transitions.compactMap(transition)),
        ]
        if let owner = entity.ownedBy {
            values["ownerLiteral"] = literal(owner)
            // An owner moving another account's record from the start: not found, as if it did not exist.
            if let step = lifecycle.available(to: owner, in: lifecycle.initial).first {
                values["ownership"] = ["transition": .text(step.name)]
            }
        }
        return Self.template.render(values)
    }

    private func transition(_ transition: AppModel.Lifecycle.Transition) -> [String: TemplateValue]? {
        // The first role and state it may be taken by and from, reached by the shortest way.
        guard let (role, path) = lifecycle.firstWay(to: transition) else { return nil }
        var values: [String: TemplateValue] = [
            "transition": .text(transition.name),
            "to": .text(transition.to),
            "toLiteral": literal(transition.to),
            "stepsLiteral": steps(path + [(transition, role)]),
        ]
        if let records = transition.records {
            values["recordsLiteral"] = literal(records)
            values["actorLiteral"] = literal(actor(role))
        }
        values["refused"] = .objects(refusals(of: transition))
        values["forbidden"] = .objects(
            model.roles.filter { !transition.roles.contains($0) }.prefix(1).map { ["role": .text($0), "roleLiteral": literal($0)] }
        )
        return values
    }

    /// A state no role takes it from, and, for a role allowed from fewer states than another, a
    /// state only the other may take it from (a customer cancelling a paid order).
    private func refusals(of transition: AppModel.Lifecycle.Transition) -> [[String: TemplateValue]] {
        let sources = transition.sources(in: lifecycle.states)
        var cases: [(role: String, state: String)] = []
        if let role = transition.roles.first,
            let state = lifecycle.states.first(where: { !sources.contains($0) && lifecycle.path(to: $0) != nil })
        {
            cases.append((role, state))
        }
        for (role, states) in transition.from {
            if let state = sources.first(where: { !states.contains($0) && lifecycle.path(to: $0) != nil }) { cases.append((role, state)) }
        }
        return cases.compactMap { role, state in
            guard let path = lifecycle.path(to: state) else { return nil }
            return [
                "role": .text(role), "roleLiteral": literal(role), "state": .text(state), "stateLiteral": literal(state),
                "stepsLiteral": steps(path),
            ]
        }
    }
}
