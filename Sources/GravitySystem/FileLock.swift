import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on a file (flock), waited for without blocking a thread of the cooperative pool.
public struct FileLock {
    /// A lock file that cannot be opened or locked; said as a file that cannot be written.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    let descriptor: Int32

    public static func acquire(_ path: String) async throws -> FileLock {
        let descriptor = try open(path)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(descriptor)
                throw Failure(path: path, reason: "cannot lock it: \(String(cString: strerror(errno)))")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return FileLock(descriptor: descriptor)
    }

    /// Waits for the lock on the calling thread; for synchronous callers outside the cooperative pool.
    public static func acquireBlocking(_ path: String) throws -> FileLock {
        let descriptor = try open(path)
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw Failure(path: path, reason: "cannot lock it: \(String(cString: strerror(errno)))")
            }
        }
        return FileLock(descriptor: descriptor)
    }

    private static func open(_ path: String) throws -> Int32 {
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: "cannot open the lock: \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
