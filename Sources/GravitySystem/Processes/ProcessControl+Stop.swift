import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension ProcessControl {
    /// Stops the process group led by `pid`: SIGTERM, then SIGKILL after `grace`. Reaps the leader
    /// when it is a child of this process. It is what a cancelled task does to what it started, so
    /// it waits even then: the waiting runs in a task of its own (awaited here), which the caller's
    /// cancellation does not reach, instead of sleeps that a cancelled task would skip.
    public static func stopGroup(_ pid: pid_t, grace: Duration = .seconds(5)) async {
        guard pid > 1 else { return }
        await Task { await stopAndWait(pid, grace: grace) }.value
    }

    private static func stopAndWait(_ pid: pid_t, grace: Duration) async {
        _ = kill(-pid, SIGTERM)
        _ = kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            _ = exitStatus(of: pid)
            if hasEnded(pid) && !groupIsRunning(pid) { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
        for _ in 0..<100 {
            _ = exitStatus(of: pid)
            if hasEnded(pid) { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
