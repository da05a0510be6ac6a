@testable import GravityOrchestration
import Testing

/// A clock's instants that move only when the test says: the restart policy is checked without waiting.
struct TestInstant: InstantProtocol {
    var offset: Duration

    static let start = TestInstant(offset: .zero)

    func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
    func duration(to other: TestInstant) -> Duration { other.offset - offset }
    static func < (left: TestInstant, right: TestInstant) -> Bool { left.offset < right.offset }
}

@Suite("Restart policy")
struct RestartPolicyTests {
    @Test("the wait before a restart doubles with each crash in a row, up to 30 s")
    func backoff() {
        var policy = RestartPolicy<TestInstant>()
        let delays = (0..<7).map { _ in policy.crashed(at: .start) }
        let expected: [Duration] = [1, 2, 4, 8, 16, 30, 30].map { .seconds($0) }
        #expect(delays == expected)
        #expect(policy.crashes == 7)
    }

    @Test("a restart is due once its wait has passed, and is taken once")
    func due() {
        var policy = RestartPolicy<TestInstant>()
        _ = policy.crashed(at: .start)
        _ = policy.crashed(at: .start.advanced(by: .seconds(10)))
        let early = policy.takeIfDue(at: .start.advanced(by: .seconds(11.9)))
        let onTime = policy.takeIfDue(at: .start.advanced(by: .seconds(12)))
        let again = policy.takeIfDue(at: .start.advanced(by: .seconds(20)))
        #expect(!early && onTime)
        #expect(!again, "taken: not due again until the next crash")
        var idle = RestartPolicy<TestInstant>()
        let idleDue = idle.takeIfDue(at: .start)
        #expect(!idleDue, "nothing crashed, nothing to restart")
    }

    @Test("a minute of good health starts the count again; less does not")
    func forgiven() {
        var policy = RestartPolicy<TestInstant>()
        for _ in 0..<4 { _ = policy.crashed(at: .start) }
        let healthy = TestInstant.start.advanced(by: .seconds(100))
        policy.stayedHealthy(since: healthy, at: healthy.advanced(by: .seconds(59)))
        #expect(policy.crashes == 4)
        let fifth = policy.crashed(at: healthy.advanced(by: .seconds(59)))
        #expect(fifth == .seconds(16))
        policy.stayedHealthy(since: healthy, at: healthy.advanced(by: .seconds(61)))
        #expect(policy.crashes == 0)
        let fresh = policy.crashed(at: healthy.advanced(by: .seconds(62)))
        #expect(fresh == .seconds(1))
    }
}
