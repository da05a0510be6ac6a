/// What can go wrong running a session.
public enum RuntimeError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(path: String, reason: String)
    case invalidAnswer(persona: String, phase: String, problem: String)
    case personaFailed(persona: String, problem: String)
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .invalidAnswer(let persona, let phase, let problem):
            "\(persona) gave an unusable answer in the \(phase) phase: \(problem)"
        case .personaFailed(let persona, let problem): "\(persona) failed: \(problem)"
        case .invalidConfiguration(let problem): problem
        }
    }
}
