import Foundation
import Yams

/// YAML text made by Yams from values, with one set of emitter settings so that every file of the
/// contract looks alike: block style, lines never folded, UTF-8 as it is, multi-line text as a
/// literal block. A file may start with comment lines; it is never assembled line by line.
public enum YAMLText {
    /// The documents of the file `name`, separated by `---`, after `comment` (each line gets its `# `).
    public static func file(_ documents: [YAMLValue], named name: String, comment: [String] = []) throws -> String {
        let emitter = Emitter()
        emitter.options = Emitter.Options(width: -1, allowUnicode: true, newLineScalarStyle: .literal)
        let builder = NodeBuilder()
        do {
            try emitter.open()
            for document in documents { try emitter.serialize(node: builder.node(document)) }
            try emitter.close()
        } catch let error as YamlError {
            throw DeployContractError.unencodable(file: name, problem: "\(error)")
        }
        let body = String(decoding: emitter.data, as: UTF8.self)
        return commentLines(comment) + body
    }

    /// `value` encoded by its `Encodable` conformance, after `comment`; `compact` leaves out keys
    /// holding their default (see `ManifestEncoding.compact`).
    public static func file<Value: Encodable>(_ value: Value, named name: String, comment: [String] = [], compact: Bool = true) throws -> String {
        let document: YAMLValue
        do {
            document = try YAMLValueEncoder.encode(value, userInfo: compact ? [ManifestEncoding.compact: true] : [:])
        } catch {
            throw DeployContractError.unencodable(file: name, problem: "\(error)")
        }
        return try file([document], named: name, comment: comment)
    }

    /// Each line after `# `; a line break inside a line would end the comment, so it becomes a space.
    static func commentLines(_ lines: [String]) -> String {
        lines.map { line in
            let text =
                line.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
                ? String(String.UnicodeScalarView(line.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })) : line
            return text.isEmpty ? "#\n" : "# \(text)\n"
        }.joined()
    }
}

/// How manifests are encoded for writing.
public enum ManifestEncoding {
    /// Set in an encoder's `userInfo` to leave out keys that hold their default (an empty list, a
    /// false flag), as a person would write the file. Without it every key is written, which is
    /// what the loader compares input keys against.
    public static let compact = CodingUserInfoKey(rawValue: "gravity.manifest.compact")!

    static func isCompact(_ encoder: any Encoder) -> Bool { encoder.userInfo[compact] as? Bool == true }
}
