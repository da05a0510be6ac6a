import Foundation
import Testing

/// Copies of a shipped industry file that differ in one decision, written into a test's directory.
enum IndustryCopy {
    /// `industry` with `context` marked large, which the database architect keeps in PostgreSQL; the
    /// copy's id is `id`, and the returned name is what `--industry` takes.
    static func withContextOnPostgreSQL(_ industry: String, context: String, id: String, in directory: String) throws -> String {
        let source = try String(contentsOfFile: "\(CLI.repositoryRoot)/industries/\(industry).yaml", encoding: .utf8)
        let start = try #require(source.range(of: "  - id: \(context)\n"), "\(industry).yaml has a \(context) context")
        let scale = try #require(source.range(of: "scale: small", range: start.upperBound..<source.endIndex))
        let edited = source.replacingCharacters(in: scale, with: "scale: large")
            .replacingOccurrences(of: "id: \(industry)\n", with: "id: \(id)\n")
        try edited.write(toFile: "\(directory)/\(id).yaml", atomically: true, encoding: .utf8)
        return "\(id).yaml"
    }
}
