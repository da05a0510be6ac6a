import Foundation
import GravityGenerators

/// The transcripts of an application's history in its directory: `transcript.jsonl` of the run
/// that built it, then `transcript.0002-<change>.jsonl`, `transcript.0003-<change>.jsonl`, ... of
/// each change, the number being the application's version (and its migrations' number).
public enum ChangeTranscripts {
    /// The name of the transcript of change `name` making version `number`.
    public static func name(number: Int, change: String) -> String { "transcript.\(AppRevision.number(number))-\(change).jsonl" }

    /// The version a change transcript's file name gives (2 or more); nil for any other name.
    public static func number(of name: String) -> Int? {
        guard name.hasPrefix("transcript."), name.hasSuffix(".jsonl") else { return nil }
        let middle = name.dropFirst("transcript.".count).dropLast(".jsonl".count)
        guard let dash = middle.firstIndex(of: "-") else { return nil }
        let digits = middle[..<dash]
        let change = middle[middle.index(after: dash)...]
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let number = Int(digits), number >= 2, !change.isEmpty,
            change.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        else { return nil }
        return number
    }

    /// The latest transcript of the application in `directory`: its last change's, or the first run's.
    public static func latest(in directory: String) throws -> String {
        let first = URL(fileURLWithPath: directory).appendingPathComponent("transcript.jsonl").path
        guard FileManager.default.fileExists(atPath: first) else { throw ChangeError.notAnApp(path: directory) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let numbered = names.compactMap { name in number(of: name).map { (number: $0, name: name) } }.sorted { ($0.number, $0.name) < ($1.number, $1.name) }
        guard let last = numbered.last else { return first }
        if let twin = numbered.dropLast().last, twin.number == last.number {
            throw ChangeError.ambiguousHistory(app: directory, first: twin.name, second: last.name)
        }
        return URL(fileURLWithPath: directory).appendingPathComponent(last.name).path
    }
}
