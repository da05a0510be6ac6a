import Foundation
import GravitySystem

/// The gravity-team program that is running: what deploy starts its supervisor with, and what the
/// command benchmarks time unless given another.
enum ThisProgram {
    static func path() throws -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        let argument = CommandLine.arguments[0]
        if argument.contains("/") { return URL(fileURLWithPath: argument).standardizedFileURL.path }
        if let found = ProcessRunner.which(argument) { return found }
        throw ExecutableNotFound()
    }
}

/// This program's path could not be found, so no supervisor can be started.
struct ExecutableNotFound: Error, CustomStringConvertible {
    var description: String { "cannot find the gravity-team program to start the supervisor with" }
}
