import Yams

/// Scalars and collections for building documents, each with an explicit tag: Yams then never runs
/// its regular-expression resolver over them, and text that would read as another type (`"8000"`,
/// `"true"`) is quoted so that it reads back as text.
extension Node {
    /// A string scalar; quoted only when it would otherwise read as a number, boolean or null, and
    /// a literal block when it has more than one line.
    public static func text(_ value: String) -> Node {
        if value.utf8.contains(UInt8(ascii: "\n")) { return Node(value, Tag(.str), .literal) }
        return Node(value, Tag(.str), readsAsText(value) ? .any : .singleQuoted)
    }

    /// An integer scalar.
    public static func number(_ value: Int) -> Node { Node(String(value), Tag(.int)) }

    /// A boolean scalar.
    public static func flag(_ value: Bool) -> Node { Node(value ? "true" : "false", Tag(.bool)) }

    /// A mapping in the given key order.
    public static func map(_ pairs: [(String, Node)]) -> Node {
        Node(pairs.map { (Node($0.0, Tag(.str)), $0.1) })
    }

    /// A mapping of text values, keys in the given order.
    public static func textMap(_ pairs: [(String, String)]) -> Node { map(pairs.map { ($0.0, .text($0.1)) }) }

    /// A sequence of text.
    public static func texts(_ values: [String]) -> Node { Node(values.map(Node.text)) }

    /// Whether a plain scalar `value` would be read back as a string by a YAML 1.1 reader (Yams,
    /// PyYAML): not empty, no boolean or null word, and nothing that could be a number or a date
    /// (those start with a digit, a sign or a point and hold only number and date characters).
    static func readsAsText(_ value: String) -> Bool {
        guard let first = value.utf8.first else { return false }
        if numberStart.contains(first) { return value.utf8.contains { !numberCharacters.contains($0) } }
        return !reservedWords.contains(value)
    }

    private static let numberStart = Set("0123456789+-.".utf8)
    /// Every character of YAML 1.1 integers (binary, octal, hex, sexagesimal), floats (`.inf`, `.nan`) and timestamps.
    private static let numberCharacters = Set("0123456789_.:+-eExXoObBabcdefABCDEFtTzZiInN \t".utf8)

    private static let reservedWords: Set<String> = [
        "~", "null", "Null", "NULL", "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "<<", "=", "y", "Y", "n", "N",
    ]
}
