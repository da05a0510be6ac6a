import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime

/// The brief from --brief, --brief-file or the industry's default.
struct BriefInput {
    var brief: String?
    var briefFile: String?

    func resolve(default fallback: String) throws -> String {
        if let briefFile {
            // Read no more than a brief can be: the file may be anything the user pointed at.
            let data: Data
            switch LimitedFile.contents(of: briefFile, limit: InputLimits.briefCharacters * 4 + 2) {
            case .success(let contents): data = contents
            case .failure(.tooLarge(let bytes)):
                throw RuntimeError.invalidConfiguration(
                    "\(briefFile): the brief file is \(bytes) bytes; a brief is one line of at most \(InputLimits.briefCharacters) characters"
                )
            case .failure(.missing): throw RuntimeError.invalidConfiguration("\(briefFile): cannot read the brief file: no such file")
            case .failure(.notAFile): throw RuntimeError.invalidConfiguration("\(briefFile): cannot read the brief file: it is not a regular file")
            case .failure(.unreadable(let reason)): throw RuntimeError.invalidConfiguration("\(briefFile): cannot read the brief file: \(reason)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuntimeError.invalidConfiguration("\(briefFile): the brief file is not UTF-8 text")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw RuntimeError.invalidConfiguration("\(briefFile): the brief file is empty") }
            guard !trimmed.contains(where: \.isNewline) else {
                throw RuntimeError.invalidConfiguration("\(briefFile): the brief must be one line")
            }
            guard trimmed.count <= InputLimits.briefCharacters else {
                throw RuntimeError.invalidConfiguration("\(briefFile): the brief is \(trimmed.count) characters; the limit is \(InputLimits.briefCharacters)")
            }
            return trimmed
        }
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
        return fallback
    }
}
