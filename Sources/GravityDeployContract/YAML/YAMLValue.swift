/// A YAML value as the renderers build it: text, numbers, flags, lists and mappings in key order.
/// `YAMLText` turns it into Yams nodes when it writes a file, with one set of tags per file (a Yams
/// tag made on its own builds a new constructor each time, which costs more than the whole file).
public indirect enum YAMLValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case decimal(Double)
    case flag(Bool)
    case null
    case list([YAMLValue])
    case mapping([Pair])

    /// A key and its value.
    public struct Pair: Sendable, Equatable {
        public var key: String
        public var value: YAMLValue

        public init(_ key: String, _ value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    /// A mapping in the given key order.
    public static func map(_ pairs: [(String, YAMLValue)]) -> YAMLValue { .mapping(pairs.map { Pair($0.0, $0.1) }) }

    /// A mapping of text values, keys in the given order.
    public static func textMap(_ pairs: [(String, String)]) -> YAMLValue { .mapping(pairs.map { Pair($0.0, .text($0.1)) }) }

    /// A list of text.
    public static func texts(_ values: [String]) -> YAMLValue { .list(values.map(YAMLValue.text)) }
}
