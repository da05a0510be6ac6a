import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see the old contents or the new, never a part: a temporary file
/// beside the target, then a rename over it. Unlike Foundation's `.atomic`, it does not fsync every
/// file: a generated app is well over a hundred files, and a flush each nearly doubled the time
/// `develop` took to write them, for a durability that rerunning the command gives back anyway.
enum FileWriter {
    static func write(_ data: Data, to target: String, mode: Int) throws {
        let temporary = "\(target).\(UUID().uuidString)\(suffix)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(target) }
        var written = 0
        let ok = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            while written < bytes.count {
                let count = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            // The mode is exactly what was asked for, whatever the umask.
            return fchmod(descriptor, mode_t(mode)) == 0
        }
        guard ok else {
            let error = failure(target)
            close(descriptor)
            unlink(temporary)
            throw error
        }
        // Without an fsync, close is where a delayed write error (a full disk) can still show.
        guard close(descriptor) == 0 else {
            let error = failure(target)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let error = failure(target)
            unlink(temporary)
            throw error
        }
    }

    private static let suffix = ".gravity-tmp"

    /// Removes the temporary files of writes that never finished (the process was killed between
    /// writing and renaming), under a directory gravity-team owns.
    /// Symbolic links are not followed: what they lead to is not the directory's.
    static func removeLeftovers(under directory: String) {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] {
            let path = (directory as NSString).appendingPathComponent(name)
            let type = (try? manager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                removeLeftovers(under: path)
            } else if name.hasSuffix(suffix), type == .typeRegular {
                try? manager.removeItem(atPath: path)
            }
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, buffer, count)
        #else
            Darwin.write(descriptor, buffer, count)
        #endif
    }

    private static func failure(_ path: String) -> RuntimeError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}
