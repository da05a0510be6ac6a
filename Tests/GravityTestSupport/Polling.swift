/// Waiting for a state that only another process can change (a supervisor, a restarted service), by
/// looking again every few milliseconds under a deadline that only a broken run reaches.
public enum Polling {
    /// Whether `condition` held before `limit` ran out.
    @discardableResult
    public static func until(
        within limit: Duration = .seconds(60),
        every interval: Duration = .milliseconds(20),
        _ condition: () async throws -> Bool
    ) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while try await !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: interval)
        }
        return true
    }
}
