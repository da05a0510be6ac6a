import GravityModel

/// An answer with rules beyond what decoding checks. A breach is treated like a schema breach: asked
/// once more with the problem, then unusable.
protocol CheckedAnswer {
    /// What is wrong with the answer to a request of `phase`, in one line naming the field; nil if nothing.
    func problem(in phase: Phase) -> String?
}

/// A rule of a `CheckedAnswer` the answer breaks; its description is the problem as the model is told it.
struct BrokenAnswerRule: Error, CustomStringConvertible {
    var description: String
}

extension ProposalAnswer: CheckedAnswer {
    /// A practice outside the phase's vocabulary would change nothing in the application (and a
    /// Blueprint holding it would be refused by `generate`), so the model is told the names it has.
    func problem(in phase: Phase) -> String? {
        for (index, name) in content.practices.enumerated() where Practice(rawValue: name)?.phase != phase {
            let known = Practice.practices(of: phase).map(\.rawValue)
            return "content.section.practices[\(index)]: '\(name)' is not an optional practice of the \(phase.rawValue) phase; "
                + (known.isEmpty ? "it has none, so the list stays empty" : "it has \(known.joined(separator: ", "))")
        }
        return nil
    }
}
