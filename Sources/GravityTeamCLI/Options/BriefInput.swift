import ArgumentParser
import Foundation
import GravityRuntime

/// The brief from --brief, --brief-file or the industry's default.
struct BriefInput {
    var brief: String?
    var briefFile: String?

    func resolve(default fallback: String) throws -> String {
        if let briefFile {
            guard let text = try? String(contentsOfFile: briefFile, encoding: .utf8) else {
                throw RuntimeError.invalidConfiguration("\(briefFile): cannot read the brief file")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw RuntimeError.invalidConfiguration("\(briefFile): the brief file is empty") }
            return trimmed
        }
        if let brief {
            let trimmed = brief.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ValidationError("--brief is empty") }
            return trimmed
        }
        return fallback
    }
}
