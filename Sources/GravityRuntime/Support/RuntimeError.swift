/// What can go wrong running a session: a case per failure, each one line for the user.
public enum RuntimeError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(path: String, reason: String)
    case invalidAnswer(persona: String, phase: String, problem: String)
    case personaFailed(persona: String, problem: String)
    /// A session setting below what a run needs ("max rounds", "concurrency").
    case settingTooLow(setting: String, minimum: Int)
    /// A server address asked of a model that has none.
    case noServer(model: String)
    /// An environment variable that should hold a server's URL.
    case notAURL(variable: String, value: String, example: String)
    /// A line of the output directory's marker that names no file gravity-team may remove.
    case markerLineRefused(file: String, line: Int, problem: String)
    case busClosed

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .invalidAnswer(let persona, let phase, let problem):
            "\(persona) gave an unusable answer in the \(phase) phase: \(problem)"
        case .personaFailed(let persona, let problem): "\(persona) failed: \(problem)"
        case .settingTooLow(let setting, let minimum): "\(setting) must be at least \(minimum)"
        case .noServer(let model): "the \(model) model has no server"
        case .notAURL(let variable, let value, let example): "\(variable) '\(value)' is not a URL (e.g. \(example))"
        case .markerLineRefused(let file, let line, let problem):
            "\(file):\(line): \(problem); nothing was removed (delete that line, or the marker, to go on)"
        case .busClosed: "the bus closed"
        }
    }
}
