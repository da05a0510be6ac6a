/// Text with named placeholders between delimiters: `{{NAME}}` in prompt and gateway templates,
/// `${NAME}` in service manifests. One scanner, so every filler reads them the same way.
public enum Placeholders {
    public enum Piece: Sendable, Hashable {
        case text(String)
        /// A placeholder's name, as written between the delimiters.
        case name(String)
    }

    /// The pieces of `text` in order; nil when an opening delimiter has no closing one.
    public static func split(_ text: Substring, open: String = "{{", close: String = "}}") -> [Piece]? {
        var pieces: [Piece] = []
        var rest = text
        while let start = rest.range(of: open) {
            if start.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<start.lowerBound]))) }
            guard let end = rest[start.upperBound...].range(of: close) else { return nil }
            pieces.append(.name(String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }
}
