import Foundation
import GravitySystem
import GravityTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Waiting for a child process without holding a thread of the cooperative pool: the pool has as
/// many threads as cores (two in CI), so a test blocked in waitpid there stalls every other test.
enum ChildProcess {
    /// The exit code of `pid` (128 + the signal when killed), once it ends; reaps it. The blocking
    /// waitpid runs on a thread of its own, which ends with the child.
    static func exitCode(of pid: pid_t) async -> Int32 {
        // The closure cannot throw, so neither can the wait.
        (try? await DedicatedThread.run("waitpid \(pid)") { exitCodeBlocking(of: pid) }) ?? -1
    }

    /// `exitCode(of:)` for code that cannot await (cleanup in a `defer`); blocks the calling thread.
    static func exitCodeBlocking(of pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The exit code of `pid`, or nil when it was still running after `limit` and was killed (with
    /// its process group, which `ProcessControl.spawn` makes it lead). Reaps it either way.
    static func exitCode(of pid: pid_t, killedAfter limit: Duration) async -> Int32? {
        enum Ending: Sendable {
            case exited(Int32)
            case killed
            case notNeeded
        }
        return await withTaskGroup(of: Ending.self) { group in
            group.addTask { .exited(await exitCode(of: pid)) }
            group.addTask {
                // Cancelled as soon as the child ends: only a child still running is killed.
                guard (try? await Task.sleep(for: limit)) != nil else { return .notNeeded }
                kill(-pid, SIGKILL)
                return .killed
            }
            var code: Int32?
            var killed = false
            for await ending in group {
                switch ending {
                case .exited(let status):
                    code = status
                    group.cancelAll()
                case .killed: killed = true
                case .notNeeded: break
                }
            }
            return killed ? nil : code
        }
    }
}
