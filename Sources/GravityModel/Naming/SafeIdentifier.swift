import Foundation

/// Turns any name (from a model, a user's industry file) into an identifier that is safe as a
/// Python name, a SQL table or column, a JavaScript property, a URL segment and a path component.
public enum SafeIdentifier {
    /// Longest identifier produced; longer names are cut and given a hash suffix to stay distinct.
    public static let maximumLength = 48

    /// Words that are keywords or troublesome names in Python, SQL or JavaScript.
    public static let reserved: Set<String> = [
        // Python keywords and names generated code relies on
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "false",
        "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "none", "nonlocal", "not", "or", "pass",
        "raise", "return", "true", "try", "while", "with", "yield", "self", "cls", "type", "object", "list", "dict", "str", "int",
        "float", "bool", "app", "db", "session", "settings", "router", "models", "schemas",
        // SQL reserved words
        "all", "alter", "any", "between", "by", "case", "check", "column", "constraint", "create", "cross", "current_date",
        "current_time", "current_timestamp", "current_user", "default", "delete", "desc", "asc", "distinct", "drop", "end",
        "exists", "foreign", "full", "grant", "group", "having", "index", "inner", "insert", "intersect", "into", "join", "key",
        "left", "like", "limit", "natural", "null", "offset", "on", "only", "order", "outer", "primary", "references", "right",
        "select", "table", "then", "to", "union", "unique", "update", "user", "using", "values", "view", "when", "where",
        "window", "transaction", "session_user", "analyze", "array", "both", "cast", "collate", "do", "fetch", "leading",
        "placing", "returning", "some", "symmetric", "trailing", "variadic",
        // JavaScript reserved words
        "function", "var", "let", "const", "new", "this", "switch", "throw", "typeof", "void", "enum", "export", "extends",
        "implements", "interface", "package", "private", "protected", "public", "static", "super", "instanceof", "debugger",
    ]

    /// A safe identifier for `name`: ASCII lowercase letters, digits and underscores, starting
    /// with a letter, not reserved, at most `maximumLength` characters.
    public static func make(_ name: String) -> String {
        // Folding goes through ICU; for ASCII, which nearly every name is, it is plain lowercasing.
        let folded =
            name.utf8.allSatisfy { $0 < 0x80 }
            ? name.lowercased()
            : name.folding(
                options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                locale: Locale(identifier: "en_US_POSIX")
            )
        var result = ""
        var lastWasSeparator = true
        for scalar in folded.unicodeScalars {
            let isLetter = ("a"..."z").contains(scalar)
            let isDigit = ("0"..."9").contains(scalar)
            if isLetter || isDigit {
                result.unicodeScalars.append(scalar)
                lastWasSeparator = false
            } else if !lastWasSeparator {
                result.append("_")
                lastWasSeparator = true
            }
        }
        while result.hasSuffix("_") { result.removeLast() }
        if result.isEmpty { result = "item" }
        if let first = result.unicodeScalars.first, ("0"..."9").contains(first) { result = "n_" + result }
        if result.count > maximumLength {
            let digest = String(fnv(name), radix: 16).prefix(6)
            result = String(result.prefix(maximumLength - 7)).trimmingCharacters(in: CharacterSet(charactersIn: "_")) + "_" + digest
        }
        if reserved.contains(result) { result += "_" }
        return result
    }

    /// Whether `name` is already safe (so that `make` returns it unchanged).
    public static func isSafe(_ name: String) -> Bool { make(name) == name }

    private static func fnv(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
