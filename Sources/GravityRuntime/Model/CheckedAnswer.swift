import Foundation
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
        return outOfBounds(in: phase)
    }

    /// A number outside `SectionBounds`, which the schema states but not every server enforces.
    private func outOfBounds(in phase: Phase) -> String? {
        guard let data = try? JSONEncoder().encode(content), let section = try? JSONValue.parse(data)["section"] else { return nil }
        for bound in SectionBounds.all where bound.phase == phase {
            for (path, value) in section.numbers(at: bound.path, from: "content.section") where !bound.range.contains(value) {
                return "\(path): \(value) is outside \(bound.range.lowerBound)...\(bound.range.upperBound)"
            }
        }
        return nil
    }
}

extension JSONValue {
    /// The integers at `path` (`[]` for each item of a list), with where each is, from `prefix`.
    func numbers(at path: [String], from prefix: String) -> [(String, Int)] {
        guard let step = path.first else {
            guard case .number(let value) = self else { return [] }
            return [(prefix, Int(value))]
        }
        let rest = Array(path.dropFirst())
        if step == "[]" {
            guard case .array(let items) = self else { return [] }
            return items.enumerated().flatMap { index, item in item.numbers(at: rest, from: "\(prefix)[\(index)]") }
        }
        return self[step]?.numbers(at: rest, from: "\(prefix).\(step)") ?? []
    }
}
