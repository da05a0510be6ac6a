import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension ProcessControl {
    /// Stops the process group led by `pid`: SIGTERM, then SIGKILL after `grace`. Reaps the leader
    /// when it is a child of this process.
    public static func stopGroup(_ pid: pid_t, grace: Duration = .seconds(5)) async {
        guard pid > 1 else { return }
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
