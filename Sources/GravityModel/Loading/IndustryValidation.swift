import Foundation

/// Loads an industry file and checks that its parts refer to each other correctly.
enum IndustryValidation {
    /// - Parameter expectedID: the file's stem, for files in industries/ (the id must match it).
    static func load(from path: String, displayPath: String, expectedID: String? = nil) throws -> Industry {
        try checked(YAMLDocument.loadLocated(Industry.self, from: path, displayPath: displayPath), expectedID: expectedID)
    }

    /// An industry file's `text`, named `displayPath`.
    static func load(text: String, displayPath: String, expectedID: String? = nil) throws -> Industry {
        try checked(YAMLDocument.decodeLocated(Industry.self, from: text, file: displayPath), expectedID: expectedID)
    }

    private static func checked(_ document: LocatedDocument<Industry>, expectedID: String?) throws -> Industry {
        try check(document)
        if let expectedID, document.value.id != expectedID {
            throw document.invalid("the id must match the file name ('\(expectedID)')", at: ["id"])
        }
        return document.value
    }

    static func check(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        guard Identifier.isValid(industry.id, allowingDashes: true) else {
            throw document.invalid("'\(industry.id)' must be lowercase letters, digits and dashes", at: ["id"])
        }
        try PersonaValidation.check(industry.consultant, in: document, prefix: ["consultant"])
        guard industry.consultant.role == .industryConsultant else {
            throw document.invalid("the consultant's role must be industry_consultant", at: ["consultant", "role"])
        }
        guard industry.consultant.leads.isEmpty else {
            throw document.invalid("the consultant reviews but leads no phase", at: ["consultant", "leads"])
        }
        guard industry.defaultBrief.count <= InputLimits.briefCharacters else {
            throw document.invalid(
                "the brief is longer than \(InputLimits.briefCharacters) characters (see the limits in docs/formats.md)",
                at: ["default_brief"]
            )
        }
        guard !industry.brand.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw document.invalid("the brand needs a name", at: ["brand", "name"])
        }
        for (index, role) in industry.roles.enumerated() {
            guard Identifier.isValid(role) else {
                throw document.invalid("'\(role)' must be a lowercase identifier", at: ["roles", .index(index)])
            }
            guard industry.roles.firstIndex(of: role) == index else {
                throw document.invalid("role '\(role)' appears twice", at: ["roles", .index(index)])
            }
            // Services call each other as this role (reserving stock); no person may hold it.
            guard role != Industry.serviceRole else {
                throw document.invalid("role 'service' is reserved for calls between services", at: ["roles", .index(index)])
            }
        }
        for color in [industry.brand.primary, industry.brand.accent, industry.brand.background, industry.brand.text] {
            guard color.count == 7, color.first == "#", color.dropFirst().allSatisfy(\.isHexDigit) else {
                throw document.invalid("'\(color)' is not a #rrggbb colour", at: ["brand"])
            }
        }
        for (index, context) in industry.contexts.enumerated() {
            guard Identifier.isValid(context.id), !Self.reservedContexts.contains(context.id) else {
                throw document.invalid(
                    "'\(context.id)' must be a lowercase identifier other than \(Self.reservedContexts.sorted().joined(separator: ", "))",
                    at: ["contexts", .index(index), "id"]
                )
            }
            guard industry.contexts.firstIndex(where: { $0.id == context.id }) == index else {
                throw document.invalid("context '\(context.id)' appears twice", at: ["contexts", .index(index), "id"])
            }
            for role in context.writerRoles ?? [] where !industry.roles.contains(role) {
                throw document.invalid("unknown role '\(role)'", at: ["contexts", .index(index), "writers"])
            }
        }
        try checkCurrency(document)
        let contexts = Set(industry.contexts.map(\.id))
        let entityNames = industry.entities.map(\.name)
        for (index, entity) in industry.entities.enumerated() {
            guard entityNames.firstIndex(of: entity.name) == index else {
                throw document.invalid("entity '\(entity.name)' appears twice", at: ["entities", .index(index), "name"])
            }
            guard industry.entities.firstIndex(where: { $0.plural == entity.plural }) == index else {
                throw document.invalid(
                    "plural '\(entity.plural)' is already used (each becomes a table and a route)",
                    at: ["entities", .index(index), "plural"]
                )
            }
        }
        for (index, entity) in industry.entities.enumerated() {
            let at: [PathElement] = ["entities", .index(index)]
            guard Identifier.isValid(entity.name), Identifier.isValid(entity.plural) else {
                throw document.invalid("'\(entity.name)' must be a lowercase identifier", at: at + ["name"])
            }
            guard contexts.contains(entity.context) else {
                throw document.invalid("unknown context '\(entity.context)'", at: at + ["context"])
            }
            var fieldNames = Set<String>()
            for (fieldIndex, field) in entity.fields.enumerated() {
                let fieldPath = at + ["fields", .index(fieldIndex)]
                guard Identifier.isValid(field.name), !Self.reservedFields.contains(field.name) else {
                    throw document.invalid(
                        "'\(field.name)' must be a lowercase identifier other than \(Self.reservedFields.sorted().joined(separator: ", "))",
                        at: fieldPath + ["name"]
                    )
                }
                if let length = field.maxLength, length < 1 {
                    throw document.invalid("max_length must be at least 1", at: fieldPath + ["max_length"])
                }
                if let values = field.values, Set(values).count != values.count || values.contains(where: \.isEmpty) {
                    throw document.invalid("choice values must be distinct and non-empty", at: fieldPath + ["values"])
                }
                guard fieldNames.insert(field.name).inserted else {
                    throw document.invalid("field '\(field.name)' appears twice", at: fieldPath + ["name"])
                }
                if field.type == .choice, (field.values ?? []).isEmpty {
                    throw document.invalid("a choice field needs values", at: fieldPath + ["type"])
                }
                if let maximum = field.maximum {
                    guard field.type == .integer, maximum == maximum.rounded(), abs(maximum) < 1e15 else {
                        throw document.invalid("maximum is for integer fields, and must be a whole number", at: fieldPath + ["maximum"])
                    }
                    if let minimum = field.minimum, minimum > maximum {
                        throw document.invalid("maximum \(Int(maximum)) is below the minimum \(minimum.formatted(.number.grouping(.never)))", at: fieldPath + ["maximum"])
                    }
                }
            }
            for (relationIndex, relation) in entity.relations.enumerated() {
                let relationPath = at + ["relations", .index(relationIndex)]
                guard entityNames.contains(relation.entity) else {
                    throw document.invalid("unknown entity '\(relation.entity)'", at: relationPath + ["entity"])
                }
                guard Identifier.isValid(relation.name), fieldNames.insert(relation.name).inserted,
                    fieldNames.insert("\(relation.name)_id").inserted
                else {
                    throw document.invalid(
                        "'\(relation.name)' must be a new lowercase identifier, and no field may be named '\(relation.name)_id'",
                        at: relationPath + ["name"]
                    )
                }
            }
            let members = Set(entity.fields.map(\.name) + entity.relations.map(\.name))
            for (groupIndex, group) in entity.uniqueTogether.enumerated() {
                let groupPath = at + ["unique_together", .index(groupIndex)]
                guard group.count >= 2, Set(group).count == group.count else {
                    throw document.invalid("a group unique together names two or more distinct fields or relations", at: groupPath)
                }
                if let stray = group.first(where: { !members.contains($0) }) {
                    throw document.invalid("'\(stray)' is not a field or relation of \(entity.name)", at: groupPath)
                }
                guard entity.uniqueTogether.firstIndex(where: { Set($0) == Set(group) }) == groupIndex else {
                    throw document.invalid("this group is already unique together", at: groupPath)
                }
            }
        }
        try LifecycleValidation.check(document)
        try StockValidation.check(document)
        try ScheduleValidation.check(document)
        try ClaimValidation.check(document)
        try PostingValidation.check(document)
        try PlacementValidation.check(document)
        try PreconditionValidation.check(document)
        if let cycle = contextCycle(industry) {
            throw document.invalid(
                "relations between contexts form a cycle (\(cycle.joined(separator: " -> "))); each context becomes a service and services cannot depend on each other in a circle",
                at: ["entities"]
            )
        }
        for (index, feature) in industry.features.enumerated() {
            guard industry.features.firstIndex(where: { $0.id == feature.id }) == index else {
                throw document.invalid("feature '\(feature.id)' appears twice", at: ["features", .index(index), "id"])
            }
            guard !feature.entities.isEmpty else {
                throw document.invalid("a feature needs at least one entity", at: ["features", .index(index), "entities"])
            }
            for entity in feature.entities where !entityNames.contains(entity) {
                throw document.invalid("unknown entity '\(entity)'", at: ["features", .index(index), "entities"])
            }
        }
        for (index, hint) in industry.seed.enumerated() {
            guard let entity = industry.entity(named: hint.entity) else {
                throw document.invalid("unknown entity '\(hint.entity)'", at: ["seed", .index(index), "entity"])
            }
            guard hint.count >= 0 else { throw document.invalid("count must not be negative", at: ["seed", .index(index), "count"]) }
            guard hint.count <= InputLimits.seedRows else {
                throw document.invalid(
                    "count \(hint.count) is over the limit of \(InputLimits.seedRows) rows (see the limits in docs/formats.md)",
                    at: ["seed", .index(index), "count"]
                )
            }
            let known = Set(entity.fields.map(\.name))
            let relations = Dictionary(entity.relations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for field in hint.ranges.keys where !known.contains(field) {
                let problem = relations[field] == nil ? "has no field '\(field)'" : "relation '\(field)' takes values (row numbers), not a range"
                throw document.invalid("entity '\(entity.name)' \(problem)", at: ["seed", .index(index), "ranges"])
            }
            for (field, values) in hint.values where !known.contains(field) {
                guard let relation = relations[field] else {
                    throw document.invalid("entity '\(entity.name)' has no field '\(field)'", at: ["seed", .index(index)])
                }
                // A relation's values pick rows of the related entity's seed, counting from 1.
                guard let rows = industry.seed.first(where: { $0.entity == relation.entity })?.count else {
                    throw document.invalid(
                        "relation '\(field)' picks rows of the \(relation.entity) seed, which this file does not have",
                        at: ["seed", .index(index), "values", .key(field)])
                }
                for value in values {
                    guard let row = Int(value), row >= 1, row <= rows else {
                        throw document.invalid(
                            "relation '\(field)' takes row numbers from 1 to \(rows) (the \(relation.entity) rows seeded), not '\(value)'",
                            at: ["seed", .index(index), "values", .key(field)])
                    }
                }
            }
        }
        for (index, item) in industry.compliance.enumerated() {
            try FactName.check(item.requires, phase: item.phase, in: document, at: ["compliance", .index(index), "requires"])
        }
    }

    /// A currency, when given, is one this tool knows the decimal places of; money fields need one.
    private static func checkCurrency(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        if let code = industry.currency, Currency(code: code) == nil {
            throw document.invalid(
                "'\(code)' is not an ISO 4217 currency code this tool knows (e.g. \(Currency.examples))", at: ["currency"]
            )
        }
        guard industry.currency == nil else { return }
        for (index, entity) in industry.entities.enumerated() {
            if let field = entity.fields.firstIndex(where: { $0.type == .money }) {
                throw document.invalid(
                    "a money field needs the industry's currency: add e.g. 'currency: USD' to the file",
                    at: ["entities", .index(index), "fields", .index(field), "type"]
                )
            }
        }
    }

    /// Context ids the architecture uses for itself.
    static let reservedContexts: Set<String> = ["identity"]

    /// Field names the database design adds to every table.
    static let reservedFields: Set<String> = ["id", "created_at", "updated_at"]

    /// A cycle among contexts, following relations from an entity to one in another context.
    private static func contextCycle(_ industry: Industry) -> [String]? {
        let services = industry.contexts.map { context in
            let dependencies = industry.entities.filter { $0.context == context.id }
                .flatMap { entity in entity.relations.compactMap { industry.entity(named: $0.entity)?.context } }
                .filter { $0 != context.id }
            return ServiceSpec(
                name: context.id,
                kind: .api,
                description: "",
                apiPrefix: "",
                entities: [],
                dependsOn: Array(Set(dependencies)).sorted()
            )
        }
        return DependencyCycle.find(in: services)
    }
}
