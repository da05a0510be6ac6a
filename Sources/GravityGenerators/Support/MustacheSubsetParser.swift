/// Reads a template in the mustache subset CompiledTemplate renders. Anything outside it (triple
/// mustaches, partials, changed delimiters, dotted names, a tag across lines) stops the program with
/// the template's name and line: templates are part of this program, and every generator test
/// renders them all.
struct MustacheSubsetParser {
    let name: String

    private enum Piece {
        case text(Substring)
        case tag(Substring)
    }

    private enum Token {
        case text(String)
        case value(CompiledTemplate.Key)
        case open(String, CompiledTemplate.Key, inverted: Bool, line: Int)
        case close(String, line: Int)
    }

    func parse(_ text: String) -> [CompiledTemplate.Node] {
        var tokens: [Token] = []
        var number = 0
        var rest = text[...]
        while !rest.isEmpty {
            number += 1
            // A line and the break that ends it ("\n", or "\r\n" as one Character), as mustache reads them.
            let end = rest.firstIndex(where: \.isNewline)
            let line = rest[..<(end ?? rest.endIndex)]
            let lineBreak = end.map { String(rest[$0]) }
            tokens += self.tokens(of: line, number: number, lineBreak: lineBreak)
            rest = end.map { rest[rest.index(after: $0)...] } ?? rest[rest.endIndex...]
        }
        var position = tokens.startIndex
        return tree(tokens, from: &position, closing: nil)
    }

    /// One line's tokens, with its line break; none for a standalone line (a lone section tag or
    /// comment with nothing but spaces around it), which mustache drops whole.
    private func tokens(of line: Substring, number: Int, lineBreak: String?) -> [Token] {
        let pieces = self.pieces(of: line, number: number)
        let tags = pieces.compactMap { piece -> Substring? in if case .tag(let tag) = piece { tag } else { nil } }
        let blankAround = pieces.allSatisfy { piece in
            if case .text(let text) = piece { text.allSatisfy { $0 == " " || $0 == "\t" } } else { true }
        }
        if tags.count == 1, blankAround, let first = tags.first?.first, "#^/!".contains(first) {
            return token(for: tags[0], number: number).map { [$0] } ?? []
        }
        var tokens: [Token] = []
        for piece in pieces {
            switch piece {
            case .text(let text): tokens.append(.text(String(text)))
            case .tag(let tag): if let token = token(for: tag, number: number) { tokens.append(token) }
            }
        }
        if let lineBreak { tokens.append(.text(lineBreak)) }
        return tokens
    }

    private func pieces(of line: Substring, number: Int) -> [Piece] {
        var pieces: [Piece] = []
        var rest = line
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.text(rest[..<open.lowerBound])) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { fail(number, "'{{' without '}}' on its line") }
            pieces.append(.tag(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(rest)) }
        return pieces
    }

    private func token(for tag: Substring, number: Int) -> Token? {
        guard let sigil = tag.first else { fail(number, "an empty tag") }
        let body = Self.trimmed(tag.dropFirst())
        switch sigil {
        case "!": return nil
        case "#": return .open(body, key(body, number: number), inverted: false, line: number)
        case "^": return .open(body, key(body, number: number), inverted: true, line: number)
        case "/": return .close(body, line: number)
        case "{", "&", ">", "<", "$", "=", "%": fail(number, "'{{\(sigil)' is outside the mustache these templates use")
        default: return .value(key(Self.trimmed(tag), number: number))
        }
    }

    private func key(_ text: String, number: Int) -> CompiledTemplate.Key {
        switch text {
        case ".": return .current
        case "first()": return .first
        case "last()": return .last
        default:
            if text.hasPrefix("empty("), text.hasSuffix(")") { return .empty(plainName(String(text.dropFirst(6).dropLast()), number: number)) }
            return .name(plainName(text, number: number))
        }
    }

    private func plainName(_ text: String, number: Int) -> String {
        guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { fail(number, "'\(text)' is not a name") }
        return text
    }

    private func tree(_ tokens: [Token], from position: inout Int, closing: (name: String, line: Int)?) -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let text):
                if case .text(let before) = nodes.last {
                    nodes[nodes.count - 1] = .text(before + text)
                } else if !text.isEmpty {
                    nodes.append(.text(text))
                }
            case .value(let key):
                nodes.append(.value(key))
            case .open(let opened, let key, let inverted, let line):
                nodes.append(.section(key, inverted: inverted, tree(tokens, from: &position, closing: (opened, line))))
            case .close(let closed, let line):
                guard closed == closing?.name else { fail(line, "'{{/\(closed)}}' closes no open section") }
                return nodes
            }
        }
        if let closing { fail(closing.line, "'{{#\(closing.name)}}' is never closed") }
        return nodes
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    private func fail(_ line: Int, _ problem: String) -> Never {
        preconditionFailure("\(name):\(line): \(problem)")
    }
}
