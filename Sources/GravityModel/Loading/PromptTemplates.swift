import Foundation

/// The prompt files in `prompts/`: one template per kind of request, with `{{placeholders}}`.
public struct PromptTemplates: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable {
        case system, propose, revise, review, arbitrate
        case askAgain = "ask-again"
        case draftIndustry = "draft-industry"

        public var fileName: String { "\(rawValue).txt" }

        /// The placeholders a template of this kind may use.
        public var placeholders: Set<String> {
            switch self {
            case .system: ["name", "role", "specialization", "experience", "checklist", "consultant"]
            case .propose: ["phase", "phase_number", "round", "industry", "brief", "blueprint", "rules", "schema"]
            case .revise: ["phase", "phase_number", "round", "industry", "brief", "blueprint", "rules", "previous", "dissent", "schema"]
            case .review: ["phase", "phase_number", "round", "industry", "brief", "scope", "author", "proposal", "schema"]
            case .arbitrate: ["phase", "phase_number", "rounds", "schema"]
            case .askAgain: ["prompt", "problem", "schema"]
            case .draftIndustry: ["id", "brief", "example", "schema"]
            }
        }
    }

    private let templates: [Kind: [Line]]

    /// A template line: literal text and placeholders, in order.
    private enum Piece: Sendable, Hashable {
        case text(String)
        case value(String)
    }

    private typealias Line = [Piece]

    /// Reads and checks every template in `<root>/prompts/`.
    public init(root: String) throws {
        try self.init(source: .directory(root))
    }

    /// Reads and checks every template in `prompts/` of `source`.
    public init(source: DataSource) throws {
        var templates: [Kind: [Line]] = [:]
        for kind in Kind.allCases {
            let display = "prompts/\(kind.fileName)"
            var text = try source.text(of: display, whenMissing: "no such file (every kind of request needs its prompt template)")
            if text.hasSuffix("\n") { text.removeLast() }
            templates[kind] = try text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                try Self.parse(String(line), kind: kind, file: display, line: index + 1)
            }
        }
        self.templates = templates
    }

    private static func parse(_ line: String, kind: Kind, file: String, line number: Int) throws -> Line {
        guard let pieces = Placeholders.split(Substring(line)) else {
            throw ModelError.invalidTemplate(file: file, line: number, problem: "'{{' without a closing '}}'")
        }
        return try pieces.map { piece in
            switch piece {
            case .text(let text): return .text(text)
            case .name(let raw):
                let name = raw.trimmingCharacters(in: .whitespaces)
                guard kind.placeholders.contains(name) else {
                    throw ModelError.invalidTemplate(
                        file: file,
                        line: number,
                        problem:
                            "unknown placeholder {{\(name)}}; this template may use \(kind.placeholders.sorted().map { "{{\($0)}}" }.joined(separator: ", "))"
                    )
                }
                return .value(name)
            }
        }
    }

    /// The template of `kind` with `values` filled in. A line that is a lone placeholder with an
    /// empty value is left out, so optional blocks (a checklist, the dissent) leave no blank line.
    public func render(_ kind: Kind, _ values: [String: String]) -> String {
        var lines: [String] = []
        for line in templates[kind] ?? [] {
            if line.count == 1, case .value(let name) = line[0], (values[name] ?? "").isEmpty { continue }
            lines.append(
                line.map { piece in
                    switch piece {
                    case .text(let text): text
                    case .value(let name): values[name] ?? ""
                    }
                }.joined()
            )
        }
        return lines.joined(separator: "\n")
    }
}
