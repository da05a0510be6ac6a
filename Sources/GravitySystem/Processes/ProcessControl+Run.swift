import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension ProcessControl {
    /// Runs a program to completion with its output in `logFile`, never through a pipe: a daemon it
    /// starts (pg_ctl) would hold a pipe open. Returns the exit status (128 + the signal for a program
    /// a signal ended), or nil when it was stopped after `timeout`. A cancelled task stops it too, and
    /// throws `CancellationError`.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: String = FileManager.default.currentDirectoryPath,
        logFile: String,
        timeout: Duration = .seconds(120),
        grace: Duration = .seconds(1)
    ) async throws -> Int32? {
        try Task.checkCancellation()
        let pid = try spawn(executable, arguments, environment: environment, directory: directory, logFile: logFile)
        let status = await waitForExit(of: pid, timeout: timeout, grace: grace)
        try Task.checkCancellation()
        return status
    }

    /// Waits for the child `pid` to end and reaps it: its exit status (128 + the signal), or nil when
    /// `timeout` passed or the task was cancelled first, and its process group was stopped (SIGTERM,
    /// then SIGKILL after `grace`). The wait sleeps on the cooperative pool; no thread is blocked.
    public static func waitForExit(of pid: pid_t, timeout: Duration, grace: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        // Short programs (a version probe) answer within milliseconds; long ones (a test suite) are
        // looked at every 25 ms, which costs nothing next to their run.
        var pause = Duration.milliseconds(1)
        while ContinuousClock.now < deadline, !Task.isCancelled {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(25))
        }
        await stopGroup(pid, grace: grace)
        return nil
    }
}
