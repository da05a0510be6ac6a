/// Checks an industry's lifecycles against its entities and roles, each problem located in the file.
enum LifecycleValidation {
    static func check(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        var seen = Set<String>()
        for (index, lifecycle) in industry.lifecycles.enumerated() {
            let at: [PathElement] = ["lifecycles", .index(index)]
            guard let entity = industry.entity(named: lifecycle.entity) else {
                throw document.invalid("unknown entity '\(lifecycle.entity)'", at: at + ["entity"])
            }
            guard seen.insert(entity.name).inserted else {
                throw document.invalid("entity '\(entity.name)' already has a lifecycle", at: at + ["entity"])
            }
            guard let field = entity.fields.first(where: { $0.name == lifecycle.field }), field.type == .choice,
                let states = field.values
            else {
                throw document.invalid("'\(lifecycle.field)' is not a choice field of \(entity.name)", at: at + ["field"])
            }
            guard states.contains(lifecycle.initial) else {
                throw document.invalid("'\(lifecycle.initial)' is not one of \(field.name)'s values", at: at + ["initial"])
            }
            guard !lifecycle.transitions.isEmpty else { throw document.invalid("a lifecycle needs transitions", at: at + ["transitions"]) }
            let taken = Set(entity.fields.map(\.name) + entity.relations.flatMap { [$0.name, "\($0.name)_id"] })
            var names = Set<String>()
            for (number, transition) in lifecycle.transitions.enumerated() {
                let place = at + ["transitions", .index(number)]
                try check(transition, states: states, roles: industry.roles, taken: taken, in: document, at: place)
                guard names.insert(transition.name).inserted else {
                    throw document.invalid("transition '\(transition.name)' appears twice", at: place + ["name"])
                }
            }
            // A state nothing leads to could never be reached, and a client may not set it either.
            let reached = Set(lifecycle.transitions.map(\.to)).union([lifecycle.initial])
            if let stranded = states.first(where: { !reached.contains($0) }) {
                throw document.invalid(
                    "state '\(stranded)' is neither the initial state nor where a transition leads", at: at + ["transitions"]
                )
            }
        }
    }

    private static func check(
        _ transition: Lifecycle.Transition, states: [String], roles: [String], taken: Set<String>,
        in document: LocatedDocument<Industry>, at place: [PathElement]
    ) throws {
        guard Identifier.isValid(transition.name) else {
            throw document.invalid("'\(transition.name)' must be a lowercase identifier (it becomes a path)", at: place + ["name"])
        }
        guard states.contains(transition.to) else {
            throw document.invalid("'\(transition.to)' is not one of the field's values", at: place + ["to"])
        }
        guard !transition.by.isEmpty else {
            throw document.invalid("a transition needs 'by': the roles that may take it and from where", at: place + ["by"])
        }
        for (index, permission) in transition.by.enumerated() {
            let at = place + ["by", .index(index)]
            guard !permission.roles.isEmpty else { throw document.invalid("'by' needs roles", at: at + ["roles"]) }
            if let unknown = permission.roles.first(where: { !roles.contains($0) }) {
                throw document.invalid("unknown role '\(unknown)'", at: at + ["roles"])
            }
            guard !permission.from.isEmpty else { throw document.invalid("'from' needs at least one state", at: at + ["from"]) }
            if let state = permission.from.first(where: { !states.contains($0) }) {
                throw document.invalid("'\(state)' is not one of the field's values", at: at + ["from"])
            }
            guard !permission.from.contains(transition.to) else {
                throw document.invalid("a transition to '\(transition.to)' cannot start there", at: at + ["from"])
            }
        }
        if let records = transition.records {
            guard Identifier.isValid(records), !taken.contains(records), !IndustryValidation.reservedFields.contains(records) else {
                throw document.invalid(
                    "'\(records)' must be a new lowercase identifier: the server adds it to hold who took the transition",
                    at: place + ["records"]
                )
            }
        }
    }
}
