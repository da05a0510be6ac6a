import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The advisory lock that keeps two runs from writing one output directory at once: `.gravity-output.lock`
/// in the directory, holding the writer's pid. The kernel drops the lock when its holder ends, so a lock
/// file left by a killed run never blocks the next one.
public final class OutputLock: Sendable {
    /// The lock file's name inside the output directory.
    public static let fileName = ".gravity-output.lock"

    private let descriptor: Int32

    /// Takes the lock on `directory` (which must exist), or says which process holds it.
    init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        // O_NOFOLLOW: a lock file replaced by a link must not make us write the pid somewhere else.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw RuntimeError.cannotWrite(path: path, reason: "cannot open the output lock: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(of: descriptor)
            close(descriptor)
            throw RuntimeError.cannotWrite(
                path: directory,
                reason: "it is being written by \(holder.map { "pid \($0)" } ?? "another run"); wait for that run to end, or choose another --out"
            )
        }
        let pid = Data("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The holder's pid. A run that has just taken the lock writes it a moment later (truncate, then
    /// write); while the lock is held its holder is alive and about to write, so an empty or half-written
    /// file is read again, for up to ten seconds (a holder stopped by a signal), before saying "another run".
    private static func holder(of descriptor: Int32) -> Int32? {
        for _ in 0..<2_000 {
            if let pid = pid(in: descriptor) { return pid }
            usleep(5_000)
        }
        return nil
    }

    private static func pid(in descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
