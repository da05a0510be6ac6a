import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The lock that says an app is deployed: `.gravity/deploy.lock`, held by `deploy` and then by the
/// supervisor it starts (which inherits the open file) for as long as the app runs. The kernel
/// drops it when the holder dies, so a stale pid can never make an app look deployed.
public struct DeployLock: Sendable {
    public let descriptor: Int32

    static func path(_ stateDirectory: String) -> String { "\(stateDirectory)/deploy.lock" }

    /// Takes the lock, or returns nil when another process holds it.
    static func acquire(stateDirectory: String) throws -> DeployLock? {
        let descriptor = open(path(stateDirectory), O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DeployError.pathNotUsable(
                path(stateDirectory),
                reason: "cannot open the deploy lock: \(String(cString: strerror(errno)))"
            )
        }
        // `isHeld` (status, the dashboard) takes the lock for an instant to test it: a few tries a
        // few milliseconds apart tell that from a deployment that holds it.
        for attempt in 0..<5 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return DeployLock(descriptor: descriptor) }
            if attempt < 4 { usleep(20_000) }
        }
        close(descriptor)
        return nil
    }

    /// Whether some process holds the lock now.
    public static func isHeld(stateDirectory: String) -> Bool {
        let descriptor = open(path(stateDirectory), O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return true }
        flock(descriptor, LOCK_UN)
        return false
    }

    /// Keeps the lock from leaking into the programs this process starts.
    func closeOnExec() {
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
