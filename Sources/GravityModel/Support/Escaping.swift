/// Escaping that cannot be slipped past: characters are replaced one Unicode scalar at a time.
/// Foundation's `replacingOccurrences` compares whole Characters, so a quote followed by a combining
/// mark (one Character) is not found, and text meant to stay inside its quotes breaks out of them.
public enum Escaping {
    /// `text` with each scalar that `replacement` maps replaced by what it returns.
    public static func replacing(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        guard text.unicodeScalars.contains(where: { replacement($0) != nil }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) { result.append(contentsOf: replaced.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }

    /// `text` on one line: line breaks, tabs and other control characters (including U+2028 and
    /// U+2029) become spaces, runs of spaces one, and the ends are trimmed.
    public static func oneLine(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
            if isSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Text safe inside HTML elements and attribute values.
    public static func html(_ text: String) -> String {
        replacing(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }
}
