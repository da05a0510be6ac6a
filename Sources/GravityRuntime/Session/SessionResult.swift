import GravityModel

/// What a session produced.
public struct SessionResult: Sendable {
    public var blueprint: Blueprint
    public var decisions: [Decision]
    public var summary: RunSummary
    /// The most model requests that were in flight at once.
    public var peakConcurrency: Int
}
