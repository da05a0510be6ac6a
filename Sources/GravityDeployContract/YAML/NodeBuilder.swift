import Yams

/// Turns `YAMLValue`s into Yams nodes for one file, every node sharing the file's tags.
struct NodeBuilder {
    private let text, integer, decimal, flag, null, sequence, mapping: Tag

    init() {
        let constructor = Constructor.default
        func tag(_ name: Tag.Name) -> Tag { Tag(name, .default, constructor) }
        (text, integer, decimal, flag, null) = (tag(.str), tag(.int), tag(.float), tag(.bool), tag(.null))
        (sequence, mapping) = (tag(.seq), tag(.map))
    }

    func node(_ value: YAMLValue) -> Node {
        switch value {
        case .text(let string): textNode(string)
        case .number(let number): Node(String(number), integer)
        case .decimal(let number): Node(String(number), decimal)
        case .flag(let bool): Node(bool ? "true" : "false", flag)
        case .null: Node("null", null)
        case .list(let items): Node(items.map(node), sequence)
        case .mapping(let pairs): Node(pairs.map { (textNode($0.key), node($0.value)) }, mapping)
        }
    }

    /// Quoted only when it would otherwise read as a number, boolean or null; a literal block when
    /// it has more than one line.
    func textNode(_ string: String) -> Node {
        if string.utf8.contains(UInt8(ascii: "\n")) { return Node(string, text, .literal) }
        return Node(string, text, Self.readsAsText(string) ? .any : .singleQuoted)
    }

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
