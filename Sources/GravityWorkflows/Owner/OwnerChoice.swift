import Foundation
import GravityModel
import GravityRuntime

/// `--approve`, `--owner` and where the answers come from, as a run is asked for them.
public struct OwnerChoice: Sendable {
    public enum Source: Sendable, Equatable {
        /// A person at this terminal (standard input).
        case terminal
        /// `--answers FILE`.
        case file(String)
        /// `--answers-from serve`: the run's live page in the dashboard.
        case serve
    }

    public var gates: OwnerGates
    public var source: Source

    public init(gates: OwnerGates, source: Source) {
        self.gates = gates
        self.source = source
    }

    /// The choice for `--approve` (phases by name, comma-separated, or `all`) with the answer
    /// source given, checked before the team starts: a gate never waits for an answer that
    /// cannot come.
    public static func parse(approve: String, mode: OwnerMode, answers: String?, fromServe: Bool) throws -> OwnerChoice {
        var phases: [Phase] = []
        for name in approve.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                phases = Phase.allCases
                continue
            }
            guard let phase = Phase(rawValue: name) else { throw OwnerError.unknownPhase(name) }
            if !phases.contains(phase) { phases.append(phase) }
        }
        guard !phases.isEmpty else { throw OwnerError.unknownPhase(approve) }
        phases.sort()
        let source: Source
        if let answers {
            source = .file(answers)
        } else if fromServe {
            source = .serve
        } else if TerminalOwner.isAvailable {
            source = .terminal
        } else {
            throw OwnerError.noAnswerSource
        }
        return OwnerChoice(gates: OwnerGates(phases: phases, mode: mode), source: source)
    }

    /// The gate that asks, for a run of `team` writing into `output`.
    func gate(team: Team, output: String) throws -> any OwnerGate {
        switch source {
        // Questions go to stderr, beside the person's terminal, so that stdout stays the run's
        // progress or its JSON summary.
        case .terminal: TerminalOwner(team: team) { text in
                FileHandle.standardError.write(Data((text.hasSuffix("] ") ? text : text + "\n").utf8))
            }
        case .file(let path): try AnswersFile(path: path)
        case .serve: DashboardOwner(output: output) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        }
    }
}

/// Nobody to answer: a gate that must ask stops the run (resumable) saying how to give answers.
struct NoOwner: OwnerGate {
    func answer(_ question: GateQuestion) async throws -> OwnerAnswer {
        throw OwnerError.noAnswerSource
    }
}
