import Foundation
import Yams

/// Decodes a YAML file into a `Decodable` type, turning every failure into a `ModelError`
/// that names the file and line, and rejecting keys the type does not know.
public enum YAMLDocument {
    /// Reads and decodes the file at `path`; `displayPath` is how the file is named in errors.
    public static func load<T: Codable>(_ type: T.Type, from path: String, displayPath: String? = nil) throws -> T {
        try loadLocated(type, from: path, displayPath: displayPath).value
    }

    /// Like `load`, but keeps the parsed document so that later checks can name lines.
    public static func loadLocated<T: Codable>(
        _ type: T.Type,
        from path: String,
        displayPath: String? = nil
    ) throws -> LocatedDocument<T> {
        let name = displayPath ?? path
        let data = try LimitedFile.modelFile(path, display: name)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ModelError.unreadable(file: name, reason: "not UTF-8 text")
        }
        return try decodeLocated(type, from: text, file: name)
    }

    /// Decodes `text`, naming it `file` in errors.
    public static func decode<T: Codable>(_ type: T.Type, from text: String, file: String) throws -> T {
        try decodeLocated(type, from: text, file: file).value
    }

    /// Decodes `text` and keeps the parsed document.
    public static func decodeLocated<T: Codable>(_ type: T.Type, from text: String, file: String) throws -> LocatedDocument<T> {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ModelError.malformedYAML(file: file, line: 1, column: 1, problem: "the document is empty")
            }
            root = node
        } catch let error as YamlError {
            throw located(error, file: file)
        }
        // Before decoding: the decoder and every later step see aliases as full copies.
        if let (path, problem) = InputLimits.problem(in: root) {
            throw ModelError.overLimit(file: file, line: line(of: path, in: root), field: dotted(path), problem: problem)
        }
        let value: T
        do {
            value = try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            throw located(error, root: root, file: file)
        }
        try rejectUnknownKeys(in: root, comparedWith: value, file: file)
        return LocatedDocument(value: value, file: file, root: root)
    }

    private static func located(_ error: YamlError, file: String) -> ModelError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .malformedYAML(file: file, line: mark.line, column: mark.column, problem: problem)
        case .duplicatedKeysInMapping(let duplicates, _):
            return .malformedYAML(
                file: file,
                line: 1,
                column: 1,
                problem: "duplicate keys \(duplicates.joined(separator: ", "))"
            )
        default:
            return .malformedYAML(file: file, line: 1, column: 1, problem: "\(error)")
        }
    }

    private static func located(_ error: DecodingError, root: Node, file: String) -> ModelError {
        switch error {
        case .keyNotFound(let key, let context):
            let path = context.codingPath + [key]
            return .missingField(file: file, line: line(of: context.codingPath, in: root), field: dotted(path))
        case .valueNotFound(_, let context):
            return .missingField(file: file, line: line(of: context.codingPath, in: root), field: dotted(context.codingPath))
        case .typeMismatch(let type, let context):
            return .invalidValue(
                file: file,
                line: line(of: context.codingPath, in: root),
                field: dotted(context.codingPath),
                problem: "expected \(describe(type))"
            )
        case .dataCorrupted(let context):
            return .invalidValue(
                file: file,
                line: line(of: context.codingPath, in: root),
                field: dotted(context.codingPath),
                problem: corruptionProblem(context, root: root)
            )
        @unknown default:
            return .invalidValue(file: file, line: 1, field: "", problem: "\(error)")
        }
    }

    private static func corruptionProblem(_ context: DecodingError.Context, root: Node) -> String {
        if let node = node(at: context.codingPath, in: root), let scalar = node.scalar {
            return "'\(scalar.string)' is not an accepted value"
        }
        return context.debugDescription
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default: "\(type)"
        }
    }

    private static func dotted(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            .joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                current = sequence[index]
            } else if let child = current.mapping?[key.stringValue] {
                current = child
            } else {
                return nil
            }
        }
        return current
    }

    /// The line of the deepest node along `path` that exists.
    static func line(of path: [any CodingKey], in root: Node) -> Int {
        var current = root
        var line = root.mark?.line ?? 1
        for key in path {
            let next: Node?
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                next = sequence[index]
            } else {
                // A mapping's key node carries the key's own line, which reads better than the value's.
                if let mapping = current.mapping,
                    let pair = mapping.first(where: { $0.key.scalar?.string == key.stringValue })
                {
                    line = pair.key.mark?.line ?? line
                    current = pair.value
                    continue
                }
                next = nil
            }
            guard let next else { break }
            current = next
            line = next.mark?.line ?? line
        }
        return line
    }

    /// Keys present in the input but absent from the re-encoded value are keys the type ignored.
    private static func rejectUnknownKeys<T: Encodable>(in input: Node, comparedWith value: T, file: String) throws {
        // The re-encoded value has every key the type knows; JSON is much cheaper to make and
        // read back than YAML, and keys are all that is compared.
        guard let data = try? JSONEncoder().encode(value), let known = try? JSONSerialization.jsonObject(with: data) else { return }
        if let (key, line, isEmpty) = firstUnknownKey(input: input, known: known, path: []) {
            // An empty value for a key the type dropped is most often a comma that split a flow
            // mapping (`{title: Browse, search}`), so it is reported rather than ignored.
            throw isEmpty
                ? ModelError.invalidValue(file: file, line: line, field: key, problem: "the value is empty; give a value or remove the key")
                : ModelError.unknownField(file: file, line: line, field: key)
        }
    }

    private static func firstUnknownKey(input: Node, known: Any, path: [String]) -> (String, Int, Bool)? {
        if let mapping = input.mapping {
            let knownMapping = known as? [String: Any]
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.scalar?.string else { continue }
                let fieldPath = path + [key]
                guard let knownValue = knownMapping?[key], !(knownValue is NSNull) else {
                    let isEmpty = valueNode.scalar.map { ["null", "~", ""].contains($0.string) } ?? false
                    return (fieldPath.joined(separator: "."), keyNode.mark?.line ?? 1, isEmpty)
                }
                if let found = firstUnknownKey(input: valueNode, known: knownValue, path: fieldPath) { return found }
            }
        } else if let sequence = input.sequence, let knownSequence = known as? [Any] {
            for (index, element) in sequence.enumerated() where index < knownSequence.count {
                let indexed = path.isEmpty ? ["[\(index)]"] : path.dropLast() + [path[path.count - 1] + "[\(index)]"]
                if let found = firstUnknownKey(input: element, known: knownSequence[index], path: indexed) {
                    return found
                }
            }
        }
        return nil
    }
}
