/// Checks an industry's preconditions against its entities, each problem located in the file.
enum PreconditionValidation {
    static func check(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        var ids = Set<String>()
        for (index, precondition) in industry.preconditions.enumerated() {
            let at: [PathElement] = ["preconditions", .index(index)]
            guard Identifier.isValid(precondition.id, allowingDashes: true), ids.insert(precondition.id).inserted else {
                throw document.invalid("'\(precondition.id)' must be a new id of lowercase letters, digits and dashes", at: at + ["id"])
            }
            guard let entity = industry.entity(named: precondition.entity) else {
                throw document.invalid("unknown entity '\(precondition.entity)'", at: at + ["entity"])
            }
            let text = precondition.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !precondition.text.contains(where: \.isNewline), precondition.text.count <= 200 else {
                throw document.invalid("must be one line of 1 to 200 characters", at: at + ["text"])
            }
            // The check is one query on the service's own database, joined along the paths.
            guard let exists = industry.entity(named: precondition.exists), exists.context == entity.context else {
                throw document.invalid(
                    "'\(precondition.exists)' is not an entity of \(entity.name)'s context (\(entity.context)), whose database the check reads",
                    at: at + ["exists"])
            }
            guard !precondition.matching.isEmpty else {
                throw document.invalid("name at least one path that must match", at: at + ["matching"])
            }
            for (path, own) in precondition.matching.sorted(by: { $0.key < $1.key }) {
                let place = at + ["matching", .key(path)]
                guard let end = resolve(path, from: exists, in: industry, context: entity.context) else {
                    throw document.invalid(
                        "'\(path)' is not a path of \(exists.name): relations within \(entity.context) joined by dots, ending in a field or relation",
                        at: place)
                }
                guard let mine = member(own, of: entity) else {
                    throw document.invalid("'\(own)' is not a field or relation of \(entity.name)", at: place)
                }
                guard end.comparable(with: mine) else {
                    throw document.invalid(
                        "'\(path)' holds \(end.description) and '\(own)' holds \(mine.description); they can never be equal", at: place)
                }
            }
            for (path, values) in precondition.excluding.sorted(by: { $0.key < $1.key }) {
                let place = at + ["excluding", .key(path)]
                guard case .field(let field) = resolve(path, from: exists, in: industry, context: entity.context), field.type == .choice else {
                    throw document.invalid("'\(path)' is not a path of \(exists.name) ending in a choice field", at: place)
                }
                if let stray = values.first(where: { !(field.values ?? []).contains($0) }) {
                    throw document.invalid("'\(stray)' is not a value of \(field.name)", at: place)
                }
            }
        }
    }

    /// What a path or a member ends in: a field of an entity, or a reference to an entity.
    enum End {
        case field(DomainField)
        case reference(to: String)

        /// Whether the two can be equal: fields of one type, or references to one entity.
        func comparable(with other: End) -> Bool {
            switch (self, other) {
            case (.field(let a), .field(let b)): a.type == b.type
            case (.reference(let a), .reference(let b)): a == b
            default: false
            }
        }

        var description: String {
            switch self {
            case .field(let field): "\(field.type.rawValue) values"
            case .reference(let target): "a \(target)"
            }
        }
    }

    /// Follows `path` from `entity` through relations to entities of `context`.
    static func resolve(_ path: String, from entity: DomainEntity, in industry: Industry, context: String) -> End? {
        var current = entity
        let steps = Precondition.steps(of: path)
        for step in steps.dropLast() {
            guard let relation = current.relations.first(where: { $0.name == step }), let next = industry.entity(named: relation.entity),
                next.context == context
            else { return nil }
            current = next
        }
        return steps.last.flatMap { member($0, of: current) }
    }

    /// A field or relation of `entity` by name: a field compares as its value, a relation as the
    /// record it refers to.
    static func member(_ name: String, of entity: DomainEntity) -> End? {
        if let relation = entity.relations.first(where: { $0.name == name }) { return .reference(to: relation.entity) }
        return entity.fields.first { $0.name == name }.map(End.field)
    }
}
