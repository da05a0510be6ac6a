/// One of the eight deliberation phases, in the order a session runs them.
public enum Phase: String, Codable, Sendable, CaseIterable, Comparable {
    case requirements
    case architecture
    case database
    case frontend
    case backend
    case security
    case testing
    case deployment

    /// The 1-based position of the phase in a session.
    public var number: Int { Phase.allCases.firstIndex(of: self)! + 1 }

    /// A capitalized name for headings.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.number < rhs.number }
}
