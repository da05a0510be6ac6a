import Foundation
import GravityModel

/// A brief read from a file the user named: one line of text, of at most the brief's length.
public enum BriefFile {
    public static func read(_ path: String) throws -> String {
        func refuse(_ problem: InputError.BriefFileProblem) -> InputError { .briefFile(path: path, problem: problem) }
        // Read no more than a brief can be: the file may be anything the user pointed at.
        let data: Data
        switch LimitedFile.contents(of: path, limit: InputLimits.briefCharacters * 4 + 2) {
        case .success(let contents): data = contents
        case .failure(.tooLarge(let bytes)): throw refuse(.tooLarge(bytes: bytes))
        case .failure(.missing): throw refuse(.missing)
        case .failure(.notAFile): throw refuse(.notAFile)
        case .failure(.unreadable(let reason)): throw refuse(.unreadable(reason))
        }
        guard let text = String(data: data, encoding: .utf8) else { throw refuse(.notUTF8) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw refuse(.empty) }
        guard !trimmed.contains(where: \.isNewline) else { throw refuse(.notOneLine) }
        guard trimmed.count <= InputLimits.briefCharacters else { throw refuse(.tooLong(characters: trimmed.count)) }
        return trimmed
    }
}
