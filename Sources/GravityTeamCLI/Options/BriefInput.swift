import ArgumentParser
import Foundation
import GravityModel
import GravityWorkflows

/// The brief from --brief, --brief-file or the industry's default.
struct BriefInput {
    var brief: String?
    var briefFile: String?

    /// The brief given, or nil when none was (the industry's own is used).
    func given() throws -> String? {
        if let briefFile { return try BriefFile.read(briefFile) }
        if let brief {
            let trimmed = brief.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ValidationError("--brief is empty") }
            // The brief goes into prompts, the README's quote and the transcript header as one line.
            guard !trimmed.contains(where: \.isNewline) else { throw ValidationError("--brief must be one line") }
            guard trimmed.count <= InputLimits.briefCharacters else {
                throw ValidationError("--brief is \(trimmed.count) characters; the limit is \(InputLimits.briefCharacters)")
            }
            return trimmed
        }
        return nil
    }
}
