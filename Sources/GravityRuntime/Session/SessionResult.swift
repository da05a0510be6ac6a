import GravityModel

/// What a session produced.
public struct SessionResult: Sendable {
    public var blueprint: Blueprint
    public var decisions: [Decision]
    /// The files the run wrote, sorted by path.
    public var artifacts: [ArtifactDigest]
    public var summary: RunSummary
    /// Wall-clock time of the session (not part of any transcript).
    public var elapsed: Duration
    /// The most model requests that were in flight at once.
    public var peakConcurrency: Int
    /// Files the user changed since the last run, kept, with the run's version beside each as `<file>.gravity-new`.
    public var keptEdits: [String] = []
}
