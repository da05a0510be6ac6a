/// The rule for the facts that concerns and compliance items require: `<phase>.<name>`, where
/// the phase is the one the item applies to, and a structural-sounding name is a real one.
enum FactName {
    static func check<V>(_ fact: String, phase: Phase, in document: LocatedDocument<V>, at path: [PathElement]) throws {
        let parts = fact.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == phase.rawValue, Identifier.isValid(parts[1]) else {
            throw document.invalid(
                "'\(fact)' must be '\(phase.rawValue).<name>' (a fact of the \(phase.rawValue) phase; see docs/facts.md)",
                at: path
            )
        }
    }
}
