import GravityModel

/// What stops a run with approval gates, in one line each.
public enum OwnerError: Error, CustomStringConvertible, Equatable {
    case noAnswerSource
    case answersUnreadable(path: String)
    case answersInvalid(path: String, line: Int, problem: String)
    case answersRunOut(path: String, count: Int, phase: Phase, round: Int)
    case terminalClosed(phase: Phase)
    case unknownPhase(String)
    case gatesLeft(transcript: String, phases: [Phase])

    public var description: String {
        switch self {
        case .noAnswerSource:
            "--approve needs someone to answer: run it in a terminal, or give --answers FILE (docs/cli.md has the format) or --answers-from serve"
        case .answersUnreadable(let path):
            "\(path): cannot read the answers file"
        case .answersInvalid(let path, let line, let problem):
            "\(path):\(line): \(problem)"
        case .answersRunOut(let path, let count, let phase, let round):
            "\(path) holds \(count) answer(s) and the gate on round \(round) of the \(phase.rawValue) phase asks for one more; add it and resume the run"
        case .terminalClosed(let phase):
            "the terminal closed while the \(phase.rawValue) phase's gate waited for an answer; resume the run to be asked again"
        case .gatesLeft(let transcript, let phases):
            "\(transcript) has approval gates left to ask (\(phases.map(\.rawValue).joined(separator: ", "))): resume it in a terminal, or give --answers FILE or --answers-from serve"
        case .unknownPhase(let name):
            "--approve: '\(name)' is not a phase; name phases (\(Phase.allCases.map(\.rawValue).joined(separator: ", "))) or all"
        }
    }
}
