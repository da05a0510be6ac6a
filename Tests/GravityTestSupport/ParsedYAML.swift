import Foundation
import Yams

/// A YAML value as a reader sees it: typed scalars, lists, and mappings without their key order,
/// so that two files that differ only in layout (quoting, flow or block style, indentation, key
/// order) compare equal.
public indirect enum ParsedYAML: Equatable, CustomStringConvertible {
    case text(String)
    case integer(Int)
    case number(Double)
    case flag(Bool)
    case null
    case list([ParsedYAML])
    case map([String: ParsedYAML])

    /// Every document of `text`.
    public static func documents(_ text: String) throws -> [ParsedYAML] {
        try Yams.compose_all(yaml: text).map(ParsedYAML.init)
    }

    public init(_ node: Node) {
        switch node {
        case .scalar:
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .int: self = node.int.map(ParsedYAML.integer) ?? .text(node.string ?? "")
            case .float: self = node.float.map(ParsedYAML.number) ?? .text(node.string ?? "")
            case .bool: self = node.bool.map(ParsedYAML.flag) ?? .text(node.string ?? "")
            case .null: self = .null
            default: self = .text(node.string ?? "")
            }
        case .sequence(let sequence): self = .list(sequence.map(ParsedYAML.init))
        case .mapping(let mapping):
            self = .map(
                Dictionary(mapping.map { ($0.key.string ?? "\($0.key)", ParsedYAML($0.value)) }, uniquingKeysWith: { first, _ in first })
            )
        case .alias: self = .null
        }
    }

    /// The text of a text scalar.
    public var string: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// The value under `keys`, one mapping key at a time.
    public subscript(_ keys: String...) -> ParsedYAML? {
        var value: ParsedYAML? = self
        for key in keys {
            guard case .map(let map)? = value else { return nil }
            value = map[key]
        }
        return value
    }

    /// Where `self` and `other` first differ, as a path and the two values; nil when they are equal.
    public func firstDifference(from other: ParsedYAML, at path: String = "") -> String? {
        switch (self, other) {
        case (.list(let left), .list(let right)) where left.count == right.count:
            for (index, pair) in zip(left, right).enumerated() {
                if let found = pair.0.firstDifference(from: pair.1, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case (.map(let left), .map(let right)) where Set(left.keys) == Set(right.keys):
            for key in left.keys.sorted() {
                guard let leftValue = left[key], let rightValue = right[key] else { continue }
                if let found = leftValue.firstDifference(from: rightValue, at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        default:
            return self == other ? nil : "\(path.isEmpty ? "the document" : path): \(self) became \(other)"
        }
    }

    public var description: String {
        switch self {
        case .text(let text): "\"\(text.count > 60 ? String(text.prefix(60)) + "..." : text)\""
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .flag(let value): "\(value)"
        case .null: "null"
        case .list(let items): "a list of \(items.count)"
        case .map(let map): "a mapping with keys \(map.keys.sorted().joined(separator: ", "))"
        }
    }
}
