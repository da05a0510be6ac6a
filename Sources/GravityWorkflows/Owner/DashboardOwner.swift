import Foundation
import GravityModel
import GravityRuntime

/// `--answers-from serve`: the gate waits for the answer a person gives on the run's live page in
/// `gravity-team serve`, which writes it as a file in the output directory.
public struct DashboardOwner: OwnerGate {
    /// Where `serve` writes the answer to the run's `index`th gate.
    public static func answerPath(output: String, index: Int) -> String {
        "\(output)/\(folder)/gate-\(index).json"
    }

    public static let folder = ".gravity-owner"

    let output: String
    let say: @Sendable (String) -> Void

    /// Clears answers an earlier run in `output` left unread: this run holds the directory alone,
    /// so whatever is there is not for it.
    public init(output: String, say: @escaping @Sendable (String) -> Void) {
        self.output = output
        self.say = say
        try? FileManager.default.removeItem(atPath: "\(output)/\(Self.folder)")
    }

    public func answer(_ question: GateQuestion) async throws -> OwnerAnswer {
        let path = Self.answerPath(output: output, index: question.index)
        say("Approval gate: \(question.phase.title), round \(question.round) waits for your answer on the run's page in gravity-team serve")
        while true {
            if let data = FileManager.default.contents(atPath: path), let answer = try? JSONDecoder().decode(OwnerAnswer.self, from: data) {
                try? FileManager.default.removeItem(atPath: path)
                return answer
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
