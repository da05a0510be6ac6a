import Foundation
import GravityRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves a finished file over the one it replaces, atomically (both are in the same directory).
public enum FileReplacement {
    /// Writes `data` to `target` only if no file is there, atomically: another file that appears
    /// meanwhile is never replaced (`link` fails on it).
    public static func create(_ target: String, with data: Data) throws {
        let directory = (target as NSString).deletingLastPathComponent
        let scratch = (directory.isEmpty ? "." : directory) + "/.\((target as NSString).lastPathComponent).\(UUID().uuidString).partial"
        guard FileManager.default.createFile(atPath: scratch, contents: data) else {
            throw RuntimeError.cannotWrite(path: target, reason: "cannot write in its directory")
        }
        defer { unlink(scratch) }
        guard link(scratch, target) == 0 else {
            if errno == EEXIST { throw alreadyThere(target) }
            throw RuntimeError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
        }
    }

    /// Refuses `target` if a file is there already, before any work is spent on what would go there.
    public static func refuseExisting(_ target: String) throws {
        if FileManager.default.fileExists(atPath: target) { throw alreadyThere(target) }
    }

    private static func alreadyThere(_ target: String) -> InputError { .alreadyExists(path: target) }

    public static func move(_ source: String, over target: String) throws {
        guard rename(source, target) == 0 else {
            throw RuntimeError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
        }
    }
}
