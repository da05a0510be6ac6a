import Foundation
import GravityModel

/// Prints a value as indented, key-sorted JSON on stdout.
func printJSON<T: Encodable>(_ value: T) throws {
    FileHandle.standardOutput.write(try CanonicalJSON.pretty(value))
}
