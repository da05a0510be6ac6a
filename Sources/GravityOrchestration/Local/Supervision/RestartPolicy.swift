/// When a crashed process is started again: 1 s after its first crash, then 2 s, 4 s ... up to
/// `longest`, counted over the crashes in a row; one that stays healthy for `forgiveAfter` starts
/// the count again. Time comes from the caller (`now`), so the policy is tested without waiting.
struct RestartPolicy<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    var first: Duration = .seconds(1)
    var longest: Duration = .seconds(30)
    var forgiveAfter: Duration = .seconds(60)
    /// Crashes since the process was last healthy for `forgiveAfter`.
    private(set) var crashes = 0
    /// When the restart is due, if one is.
    private(set) var due: Instant?

    /// Records a crash at `now` and schedules the restart; returns how long until it.
    mutating func crashed(at now: Instant) -> Duration {
        crashes += 1
        var delay = first
        for _ in 1..<crashes where delay < longest { delay *= 2 }
        delay = min(delay, longest)
        due = now.advanced(by: delay)
        return delay
    }

    /// Whether the restart is due at `now`; if so it is taken (not due again).
    mutating func takeIfDue(at now: Instant) -> Bool {
        guard let due, now >= due else { return false }
        self.due = nil
        return true
    }

    /// A process healthy since `since` has, at `now`, earned a fresh count once `forgiveAfter` passed.
    mutating func stayedHealthy(since: Instant, at now: Instant) {
        if since.duration(to: now) > forgiveAfter { crashes = 0 }
    }
}
