import GravityModel

/// A file or value a person gave that a workflow cannot use: a case per problem, each one line
/// naming the file (and the line or JSON path) at fault.
public enum InputError: Error, CustomStringConvertible, Equatable {
    /// A file the workflow would create is there already.
    case alreadyExists(path: String)
    case blueprintUnreadable(path: String, exists: Bool)
    /// The Blueprint does not decode; `problem` names the JSON path.
    case blueprintInvalid(path: String, problem: String)
    /// A practice outside the vocabulary, at `location` (file and JSON path).
    case unknownPractice(location: String, name: String, phase: Phase)
    /// A practice filed under another phase's section.
    case misfiledPractice(location: String, name: String, belongsTo: Phase)
    case briefFile(path: String, problem: BriefFileProblem)
    /// The industry given differs from the one the transcript was recorded for.
    case industryMismatch(recorded: String, given: String)
    /// A transcript inside the output directory anywhere but its top, where generated files could overwrite it.
    case transcriptPlacement(transcript: String, required: String)
    /// An industry file drafted by a model that the catalog refuses (its problem, naming the file and line).
    case draftedIndustry(String)

    public enum BriefFileProblem: Sendable, Equatable {
        case tooLarge(bytes: Int)
        case missing
        case notAFile
        case unreadable(String)
        case notUTF8
        case empty
        case notOneLine
        case tooLong(characters: Int)
    }

    public var description: String {
        switch self {
        case .alreadyExists(let path): "\(path): already exists; choose another --out, or move the file away"
        case .blueprintUnreadable(let path, let exists): "\(path): cannot be read (\(exists ? "not a readable file" : "no such file"))"
        case .blueprintInvalid(let path, let problem): "\(path): \(problem)"
        case .unknownPractice(let location, let name, let phase):
            "\(location): '\(name)' is not an optional practice; the \(phase.rawValue) phase has \(Self.practices(of: phase))"
        case .misfiledPractice(let location, let name, let phase): "\(location): '\(name)' belongs in \(phase.rawValue).practices"
        case .briefFile(let path, let problem): "\(path): \(problem.description)"
        case .industryMismatch(let recorded, let given): "the transcript is for industry '\(recorded)', but --industry gives '\(given)'"
        case .transcriptPlacement(let transcript, let required):
            "\(transcript): a transcript inside the output directory must be \(required), where generated files cannot overwrite it"
        case .draftedIndustry(let problem): problem
        }
    }

    private static func practices(of phase: Phase) -> String {
        let known = Practice.practices(of: phase).map(\.rawValue)
        return known.isEmpty ? "none" : known.joined(separator: ", ")
    }
}

extension InputError.BriefFileProblem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .tooLarge(let bytes):
            "the brief file is \(bytes) bytes; a brief is one line of at most \(InputLimits.briefCharacters) characters"
        case .missing: "cannot read the brief file: no such file"
        case .notAFile: "cannot read the brief file: it is not a regular file"
        case .unreadable(let reason): "cannot read the brief file: \(reason)"
        case .notUTF8: "the brief file is not UTF-8 text"
        case .empty: "the brief file is empty"
        case .notOneLine: "the brief must be one line"
        case .tooLong(let characters): "the brief is \(characters) characters; the limit is \(InputLimits.briefCharacters)"
        }
    }
}
