/// How much an unmet concern matters to the persona who holds it.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case minor, major, critical

    private var rank: Int {
        switch self {
        case .minor: 0
        case .major: 1
        case .critical: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One item of a persona's review checklist: a fact a proposal of a phase must establish.
public struct Concern: Codable, Sendable, Hashable {
    /// Identifier, unique within the persona.
    public var id: String
    /// The phase whose proposals the concern applies to.
    public var phase: Phase
    /// The fact the proposal must establish, e.g. `security.password_hashing`.
    public var requires: String
    public var severity: Severity
    /// The concern in words, quoted in dissent.
    public var text: String

    public init(id: String, phase: Phase, requires: String, severity: Severity, text: String) {
        self.id = id
        self.phase = phase
        self.requires = requires
        self.severity = severity
        self.text = text
    }
}
