import Foundation
import GravityRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves a finished file over the one it replaces, atomically (both are in the same directory).
enum FileReplacement {
    static func move(_ source: String, over target: String) throws {
        guard rename(source, target) == 0 else {
            throw RuntimeError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
        }
    }
}
