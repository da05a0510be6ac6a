/// Checks a persona beyond what decoding checks: a safe id, plausible numbers, unique concern ids.
enum PersonaValidation {
    /// - Parameter prefix: where the persona sits in `document` (empty for a persona file).
    static func check<V>(_ persona: Persona, in document: LocatedDocument<V>, prefix: [PathElement] = []) throws {
        guard Identifier.isValid(persona.id, allowingDashes: true) else {
            throw document.invalid("'\(persona.id)' must be lowercase letters, digits and dashes", at: prefix + ["id"])
        }
        guard (50...250).contains(persona.iq) else {
            throw document.invalid("\(persona.iq) is outside 50...250", at: prefix + ["iq"])
        }
        guard (0...70).contains(persona.experienceYears) else {
            throw document.invalid("\(persona.experienceYears) is outside 0...70", at: prefix + ["experience_years"])
        }
        var seen = Set<String>()
        for (index, concern) in persona.concerns.enumerated() {
            guard seen.insert(concern.id).inserted else {
                throw document.invalid("concern id '\(concern.id)' appears twice", at: prefix + ["concerns", .index(index), "id"])
            }
            try FactName.check(concern.requires, phase: concern.phase, in: document, at: prefix + ["concerns", .index(index), "requires"])
        }
    }
}
