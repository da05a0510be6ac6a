/// A value a code template shows: text (already escaped for the file's language), a flag, a list,
/// or named values. Typed, so that rendering looks names up without dynamic casts.
enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    static func texts(_ texts: [String]) -> TemplateValue { .list(texts.map(TemplateValue.text)) }

    static func objects(_ objects: [[String: TemplateValue]]) -> TemplateValue { .list(objects.map(TemplateValue.object)) }

    /// Whether it is the flag `true`.
    var isTrue: Bool {
        if case .flag(true) = self { return true }
        return false
    }

    /// The value as swift-mustache reads it (strings, booleans, arrays and dictionaries).
    var mustacheValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .list(let items): items.map(\.mustacheValue)
        case .object(let values): values.mapValues(\.mustacheValue)
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral text: String) { self = .text(text) }
    init(booleanLiteral flag: Bool) { self = .flag(flag) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }
}
