import Foundation
import GravityModel
import GravityRuntime
import GravitySystem

/// A person at the terminal: each gate shows the decision, its tally and dissent, and reads one
/// answer from standard input (`a`, `r REASON`, `m INSTRUCTION`, or the words spelt out).
public struct TerminalOwner: OwnerGate {
    let team: Team
    let write: @Sendable (String) -> Void

    public init(team: Team, write: @escaping @Sendable (String) -> Void) {
        self.team = team
        self.write = write
    }

    /// Whether a person can answer here: standard input is a terminal.
    public static var isAvailable: Bool { isatty(STDIN_FILENO) == 1 }

    public func answer(_ question: GateQuestion) async throws -> OwnerAnswer {
        // What was typed during the deliberation is not an answer to a question not yet shown.
        tcflush(STDIN_FILENO, TCIFLUSH)
        write(GateText.lines(question, team: team).joined(separator: "\n"))
        while true {
            write(question.canRevise
                ? "Approve, reject or amend? [a | r REASON | m INSTRUCTION] "
                : "This phase has had \(OwnerGates.revisionsPerPhase) revisions at your word: a rejection is recorded and the decision stands. [a | r REASON | m INSTRUCTION] ")
            let line = try await DedicatedThread.run("owner-gate") { Self.readAnswerLine() }
            guard let line else { throw OwnerError.terminalClosed(phase: question.phase) }
            if let answer = Self.parse(line) { return answer }
            write("Answer a to approve, r and a reason to reject, or m and an instruction to amend.")
        }
    }

    /// One line, read byte by byte, so that a pasted second line is not taken into a buffer that
    /// the next gate would read from.
    static func readAnswerLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            if bytes.count < 4_096 { bytes.append(byte) }
        }
    }

    /// `a`, `approve`, `y`; `r REASON`, `reject: REASON`; `m INSTRUCTION`, `amend INSTRUCTION`.
    static func parse(_ line: String) -> OwnerAnswer? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let head = String(trimmed.prefix { $0.isLetter }).lowercased()
        let rest = trimmed.dropFirst(head.count).drop { $0 == ":" || $0 == " " }.trimmingCharacters(in: .whitespaces)
        switch head {
        case "a", "approve", "y", "yes": return rest.isEmpty ? OwnerAnswer(.approve) : nil
        case "r", "reject", "n", "no": return OwnerAnswer.normalised(.reject, rest)
        case "m", "amend": return OwnerAnswer.normalised(.amend, rest)
        default: return nil
        }
    }
}
