import Foundation

/// Where a re-run departs from the transcript it replays, described for a person.
public struct TranscriptDivergence: Sendable, CustomStringConvertible {
    /// The event number (seq), or 0 for the header.
    public var seq: Int
    public var summary: String
    /// Field-by-field differences: path, expected, actual.
    public var differences: [(path: String, expected: String, actual: String)]

    public var description: String {
        var lines = ["\(seq == 0 ? "header" : "event \(seq)"): \(summary)"]
        for difference in differences.prefix(12) {
            lines.append("  \(difference.path): expected \(difference.expected), actual \(difference.actual)")
        }
        if differences.count > 12 { lines.append("  (\(differences.count - 12) more differences)") }
        return lines.joined(separator: "\n")
    }

    /// The first place where `actual` departs from `expected`, or nil when they are the same.
    /// Lines are compared as bytes; only a differing line is decoded, to describe it.
    /// - Parameter failure: why the re-run stopped early, if it did.
    public static func first(expected: TranscriptFile, actual: TranscriptFile?, failure: String?) -> TranscriptDivergence? {
        guard let actual else {
            return TranscriptDivergence(seq: 0, summary: failure ?? "the replay produced no transcript", differences: [])
        }
        if expected.headerLine != actual.headerLine {
            return TranscriptDivergence(
                seq: 0,
                summary: "the header differs",
                differences: fieldDifferences(expected.headerLine, actual.headerLine)
            )
        }
        for (index, expectedLine) in expected.eventLines.enumerated() {
            guard index < actual.eventLines.count else {
                return TranscriptDivergence(
                    seq: index + 1,
                    summary: "the replay stopped before this \(label(expectedLine))" + (failure.map { ": \($0)" } ?? ""),
                    differences: []
                )
            }
            let actualLine = actual.eventLines[index]
            if expectedLine != actualLine {
                let differences = fieldDifferences(expectedLine, actualLine)
                return TranscriptDivergence(
                    seq: index + 1,
                    // Equal values in different bytes: the line was re-spaced or re-ordered by hand.
                    summary: "\(label(expectedLine)) differs" + (differences.isEmpty ? " in its bytes only (spacing or key order; the values are equal)" : ""),
                    differences: differences
                )
            }
        }
        if actual.eventLines.count > expected.eventLines.count {
            return TranscriptDivergence(
                seq: expected.eventLines.count + 1,
                summary: "the replay has events the transcript does not",
                differences: []
            )
        }
        if let failure {
            return TranscriptDivergence(seq: expected.eventLines.count + 1, summary: failure, differences: [])
        }
        return nil
    }

    /// The same comparison for decoded transcripts.
    public static func first(expected: Transcript, actual: Transcript?, failure: String?) -> TranscriptDivergence? {
        first(expected: expected.file, actual: actual?.file, failure: failure)
    }

    static func label(_ line: String) -> String {
        guard let event = try? JSONDecoder().decode(TranscriptEvent.self, from: Data(line.utf8)) else { return "event" }
        return label(event)
    }

    static func label(_ event: TranscriptEvent) -> String {
        var parts = [event.type.rawValue]
        if let phase = event.phase { parts.append(phase.rawValue) }
        if let round = event.round { parts.append("round \(round)") }
        if let persona = event.persona { parts.append(persona) }
        return parts.joined(separator: ", ")
    }

    /// Leaf-by-leaf differences of two JSON documents.
    public static func fieldDifferences(_ expected: String, _ actual: String) -> [(path: String, expected: String, actual: String)] {
        let left = try? JSONSerialization.jsonObject(with: Data(expected.utf8))
        let right = try? JSONSerialization.jsonObject(with: Data(actual.utf8))
        var out: [(String, String, String)] = []
        compare(left, right, path: "", into: &out)
        return out
    }

    private static func compare(_ left: Any?, _ right: Any?, path: String, into out: inout [(String, String, String)]) {
        switch (left, right) {
        case (let l as [String: Any], let r as [String: Any]):
            for key in Set(l.keys).union(r.keys).sorted() {
                compare(l[key], r[key], path: path.isEmpty ? key : "\(path).\(key)", into: &out)
            }
        case (let l as [Any], let r as [Any]):
            for index in 0..<max(l.count, r.count) {
                compare(index < l.count ? l[index] : nil, index < r.count ? r[index] : nil, path: "\(path)[\(index)]", into: &out)
            }
        default:
            let l = render(left)
            let r = render(right)
            if l != r { out.append((path.isEmpty ? "(value)" : path, l, r)) }
        }
    }

    private static func render(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "(absent)" }
        if let text = value as? String {
            let clipped = text.count > 80 ? String(text.prefix(79)) + "…" : text
            return "\"\(clipped.replacingOccurrences(of: "\n", with: "\\n"))\""
        }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}
