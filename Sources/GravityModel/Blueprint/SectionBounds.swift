/// Numbers a section keeps within, beyond what their types hold. The schema sent to a model
/// carries them (`minimum`, `maximum`), an answer outside them is asked again, and a section is
/// normalised into them.
public enum SectionBounds {
    /// The generated tests cover about 90% of a service; a target above 85% could fail an app
    /// that does all it should.
    public static let minimumCoverage = 0...85
    public static let replicas = 1...10
    public static let pageSize = 1...200
    /// A week at most; 0 where nobody signs in.
    public static let tokenLifetimeMinutes = 0...10_080
    public static let seedCount = 0...100

    /// Each bound with its phase and its path in the section (`[]` for a list's items).
    public static let all: [(phase: Phase, path: [String], range: ClosedRange<Int>)] = [
        (.database, ["seed", "[]", "count"], seedCount),
        (.backend, ["page_size"], pageSize),
        (.security, ["authentication", "token_lifetime_minutes"], tokenLifetimeMinutes),
        (.testing, ["suites", "[]", "minimum_coverage"], minimumCoverage),
        (.deployment, ["units", "[]", "replicas"], replicas),
    ]
}

extension ClosedRange where Bound == Int {
    /// `value` moved into this range.
    public func clamp(_ value: Int) -> Int { Swift.min(Swift.max(value, lowerBound), upperBound) }
}
