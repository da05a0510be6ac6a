/// The verdict of a weighted tally.
public enum TallyOutcome: String, Codable, Sendable, CaseIterable {
    case stronglyApproved = "strongly_approved"
    case approved
    case noConsensus = "no_consensus"
    case rejected
    case stronglyRejected = "strongly_rejected"

    /// The outcome for a weighted average, with DESIGN.md's thresholds
    /// (>= 1.5, >= 0.5, >= -0.5, >= -1.5, else strongly rejected).
    public init(average: Double) {
        // Floating-point sums of weights can land a hair under an exact threshold.
        let tolerance = 1e-9
        switch average {
        case (1.5 - tolerance)...: self = .stronglyApproved
        case (0.5 - tolerance)...: self = .approved
        case (-0.5 - tolerance)...: self = .noConsensus
        case (-1.5 - tolerance)...: self = .rejected
        default: self = .stronglyRejected
        }
    }

    /// Whether the proposal passes.
    public var isApproved: Bool { self == .stronglyApproved || self == .approved }

    /// Words for a summary table, e.g. "no consensus".
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
