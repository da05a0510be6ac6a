import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on a file (flock), waited for without blocking a thread of the cooperative pool.
struct FileLock {
    let descriptor: Int32

    static func acquire(_ path: String) async throws -> FileLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw RuntimeError.cannotWrite(path: path, reason: "cannot open the lock: \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(descriptor)
                throw RuntimeError.cannotWrite(path: path, reason: "cannot lock it: \(String(cString: strerror(errno)))")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return FileLock(descriptor: descriptor)
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
