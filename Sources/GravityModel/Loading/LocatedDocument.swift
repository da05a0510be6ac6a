import Yams

/// A decoded value together with its YAML document, so that checks after decoding can
/// report the line of the value at fault.
public struct LocatedDocument<Value> {
    public let value: Value
    public let file: String
    let root: Node
    /// Where a path into `value` is in the file: itself, unless `value` was built from the file's
    /// contents and more (an industry with a change applied, checked against the change file).
    let translate: ([PathElement]) -> [PathElement]

    init(value: Value, file: String, root: Node, translate: @escaping ([PathElement]) -> [PathElement] = { $0 }) {
        self.value = value
        self.file = file
        self.root = root
        self.translate = translate
    }

    /// The line of the value at `path`, where each element is a key or an array index.
    public func line(_ path: [PathElement]) -> Int {
        YAMLDocument.line(of: translate(path).map(\.key), in: root)
    }

    /// An `invalidValue` error located at `path`.
    public func invalid(_ problem: String, at path: [PathElement]) -> ModelError {
        let located = translate(path)
        let field = located.map(\.text).joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return .invalidValue(file: file, line: YAMLDocument.line(of: located.map(\.key), in: root), field: field, problem: problem)
    }

    /// `other` located in this document's file, its paths translated by `translate`.
    func locating<Other>(_ other: Other, translate: @escaping ([PathElement]) -> [PathElement]) -> LocatedDocument<Other> {
        LocatedDocument<Other>(value: other, file: file, root: root, translate: translate)
    }
}

/// One step of a path into a YAML document.
public enum PathElement: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, Sendable {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }

    var text: String {
        switch self {
        case .key(let name): name
        case .index(let index): "[\(index)]"
        }
    }

    var key: any CodingKey {
        switch self {
        case .key(let name): PathKey(stringValue: name)
        case .index(let index): PathKey(intValue: index)
        }
    }
}

private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}
