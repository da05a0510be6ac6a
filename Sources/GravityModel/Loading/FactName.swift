/// The rule for the facts that concerns and compliance items require: a structural fact or an
/// optional practice of the phase the item applies to. The baseline (what every application has
/// whatever the vote) is not something a reviewer can ask for, so it is refused here.
enum FactName {
    static func check<V>(_ fact: String, phase: Phase, in document: LocatedDocument<V>, at path: [PathElement]) throws {
        let parts = fact.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == phase.rawValue, Identifier.isValid(parts[1]) else {
            throw document.invalid(
                "'\(fact)' must be '\(phase.rawValue).<name>' (a fact of the \(phase.rawValue) phase; see docs/facts.md)",
                at: path
            )
        }
        guard StructuralFact(rawValue: fact) == nil, Practice(rawValue: fact) == nil else { return }
        let known = phase.factNames
        throw document.invalid(
            "'\(fact)' is neither a structural fact nor an optional practice; the \(phase.rawValue) phase has \(known.joined(separator: ", ")) (every application has the baseline whatever the vote; see docs/facts.md)",
            at: path
        )
    }
}
