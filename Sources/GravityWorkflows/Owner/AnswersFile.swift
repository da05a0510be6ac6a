import Foundation
import GravityModel
import GravityRuntime
import Yams

/// `--answers FILE`: the gates' answers written ahead, for scripts and CI. A YAML list, one
/// answer per gate in the order the gates ask:
///
///     - approve
///     - reject: orders on postgresql
///     - amend: add database.backups
public struct AnswersFile: OwnerGate {
    public let path: String
    let answers: [OwnerAnswer]

    /// Reads and checks the whole file before the team starts: a mistake names its line.
    public init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw OwnerError.answersUnreadable(path: path)
        }
        answers = try Self.parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> [OwnerAnswer] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw OwnerError.answersInvalid(path: path, line: 1, problem: "not YAML: \(error)")
        }
        guard let root, case .sequence(let items) = root else {
            throw OwnerError.answersInvalid(path: path, line: 1, problem: "expected a list of answers (- approve, - reject: REASON, - amend: INSTRUCTION)")
        }
        return try items.map { item in
            let line = (item.mark?.line ?? 1)
            switch item {
            case .scalar(let scalar) where scalar.string == OwnerAnswer.Kind.approve.rawValue:
                return OwnerAnswer(.approve)
            case .mapping(let mapping) where mapping.count == 1:
                guard let (key, value) = mapping.first, let kind = key.string.flatMap(OwnerAnswer.Kind.init(rawValue:)), kind != .approve,
                    let answer = value.string.flatMap({ OwnerAnswer.normalised(kind, $0) })
                else {
                    throw OwnerError.answersInvalid(path: path, line: line, problem: "expected reject: REASON or amend: INSTRUCTION, one line of up to 500 characters")
                }
                return answer
            default:
                throw OwnerError.answersInvalid(path: path, line: line, problem: "expected approve, reject: REASON or amend: INSTRUCTION")
            }
        }
    }

    public func answer(_ question: GateQuestion) async throws -> OwnerAnswer {
        guard question.index <= answers.count else {
            throw OwnerError.answersRunOut(path: path, count: answers.count, phase: question.phase, round: question.round)
        }
        return answers[question.index - 1]
    }
}
