/// Loads an industry file and checks that its parts refer to each other correctly.
enum IndustryValidation {
    static func load(from path: String, displayPath: String) throws -> Industry {
        let document = try YAMLDocument.loadLocated(Industry.self, from: path, displayPath: displayPath)
        try check(document)
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
        for (index, role) in industry.roles.enumerated() where !Identifier.isValid(role) {
            throw document.invalid("'\(role)' must be a lowercase identifier", at: ["roles", .index(index)])
        }
        for color in [industry.brand.primary, industry.brand.accent, industry.brand.background, industry.brand.text] {
            guard color.count == 7, color.first == "#", color.dropFirst().allSatisfy(\.isHexDigit) else {
                throw document.invalid("'\(color)' is not a #rrggbb colour", at: ["brand"])
            }
        }
        for (index, context) in industry.contexts.enumerated() {
            for role in context.writerRoles ?? [] where !industry.roles.contains(role) {
                throw document.invalid("unknown role '\(role)'", at: ["contexts", .index(index), "writers"])
            }
        }
        let contexts = Set(industry.contexts.map(\.id))
        let entityNames = industry.entities.map(\.name)
        guard Set(entityNames).count == entityNames.count else {
            throw document.invalid("entity names must be unique", at: ["entities"])
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
                guard Identifier.isValid(field.name), field.name != "id" else {
                    throw document.invalid("'\(field.name)' must be a lowercase identifier other than id", at: fieldPath + ["name"])
                }
                guard fieldNames.insert(field.name).inserted else {
                    throw document.invalid("field '\(field.name)' appears twice", at: fieldPath + ["name"])
                }
                if field.type == .choice, (field.values ?? []).isEmpty {
                    throw document.invalid("a choice field needs values", at: fieldPath + ["type"])
                }
            }
            for (relationIndex, relation) in entity.relations.enumerated() {
                let relationPath = at + ["relations", .index(relationIndex)]
                guard entityNames.contains(relation.entity) else {
                    throw document.invalid("unknown entity '\(relation.entity)'", at: relationPath + ["entity"])
                }
                guard Identifier.isValid(relation.name), fieldNames.insert(relation.name).inserted else {
                    throw document.invalid("'\(relation.name)' must be a new lowercase identifier", at: relationPath + ["name"])
                }
            }
        }
        for (index, feature) in industry.features.enumerated() {
            for entity in feature.entities where !entityNames.contains(entity) {
                throw document.invalid("unknown entity '\(entity)'", at: ["features", .index(index), "entities"])
            }
        }
        for (index, hint) in industry.seed.enumerated() {
            guard let entity = industry.entity(named: hint.entity) else {
                throw document.invalid("unknown entity '\(hint.entity)'", at: ["seed", .index(index), "entity"])
            }
            let known = Set(entity.fields.map(\.name))
            for field in Array(hint.values.keys) + Array(hint.ranges.keys) where !known.contains(field) {
                throw document.invalid("entity '\(entity.name)' has no field '\(field)'", at: ["seed", .index(index)])
            }
        }
        for (index, item) in industry.compliance.enumerated() where item.requires.isEmpty {
            throw document.invalid("requires must name a fact", at: ["compliance", .index(index), "requires"])
        }
    }
}
