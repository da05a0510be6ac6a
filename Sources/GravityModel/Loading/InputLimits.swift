import Foundation
import Yams

/// The bounds on what a user's files may hold, checked before any work starts so that a hostile or
/// careless file gets a one-line error instead of a run that grows without bound. docs/formats.md
/// lists them.
public enum InputLimits {
    /// Bytes in one YAML file (persona, industry) or prompt template. The shipped ones are under 15 KB.
    public static let fileBytes = 256 * 1024
    /// Bytes of text in a YAML document with every alias expanded: an anchor repeated through many
    /// aliases is as large as its copies, wherever they are read.
    public static let expandedBytes = 1024 * 1024
    /// Nodes in a YAML document with every alias expanded.
    public static let expandedNodes = 100_000
    /// Characters in one YAML value (a description, a concern, a seed value). The shipped ones are under 300.
    public static let scalarCharacters = 2_000
    /// Characters in a brief, from --brief, --brief-file, an industry or a transcript header.
    public static let briefCharacters = 1_000
    /// Rows seeded for one entity.
    public static let seedRows = 10_000

    /// "the file is 150.0 MiB, over the limit of 256 KiB".
    public static func describeFileSize(_ bytes: Int, limit: Int = fileBytes) -> String {
        let size = bytes >= 1024 * 1024 ? String(format: "%.1f MiB", Double(bytes) / 1048576) : "\(bytes) bytes"
        return "the file is \(size), over the limit of \(limit / 1024) KiB"
    }

    /// Where a composed document first passes a limit, as a field path and a phrase; nil when within.
    static func problem(in root: Node) -> (path: [any CodingKey], problem: String)? {
        var bytes = 0
        var nodes = 0
        var stack: [(node: Node, path: [any CodingKey])] = [(root, [])]
        while let (node, path) = stack.popLast() {
            nodes += 1
            if nodes > expandedNodes {
                return (path, "the document holds more than \(expandedNodes) values with its aliases expanded")
            }
            switch node {
            case .scalar(let scalar):
                let count = scalar.string.utf8.count
                if count > scalarCharacters * 4 || scalar.string.count > scalarCharacters {
                    return (path, "the value is longer than \(scalarCharacters) characters")
                }
                bytes += count
                if bytes > expandedBytes {
                    return (path, "the document holds more than \(expandedBytes / 1024) KiB of text with its aliases expanded")
                }
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    bytes += key.scalar?.string.utf8.count ?? 0
                    stack.append((value, path + [LimitKey(key.scalar?.string ?? "?")]))
                }
            case .sequence(let sequence):
                for (index, element) in sequence.enumerated().reversed() {
                    stack.append((element, path + [LimitKey(index)]))
                }
            case .alias:
                break
            }
        }
        return nil
    }

    private struct LimitKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ string: String) { stringValue = string }
        init(_ index: Int) {
            stringValue = "\(index)"
            intValue = index
        }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.init(intValue) }
    }
}
