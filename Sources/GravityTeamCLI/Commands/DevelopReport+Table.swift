import Foundation
import GravityModel
import GravityRuntime
import GravityWorkflows

/// The end-of-run summary as the table `develop` prints.
extension DevelopReport {
    func table(team: Team) -> String {
        var table = TextTable(header: ["phase", "lead", "outcome", "rounds", "average", "support", "decided by"])
        for phase in phases {
            table.rows.append([
                phase.phase.rawValue, team.member(phase.lead)?.name ?? phase.lead, phase.outcome.label, String(phase.rounds),
                String(format: "%.2f", phase.average), String(format: "%.1f%%", phase.support),
                phase.decidedBy == "team"
                    ? "team vote"
                    : phase.decidedBy == OwnerAnswer.voterID ? "product owner" : "\(team.member(phase.decidedBy)?.name ?? phase.decidedBy) (product manager)",
            ])
        }
        let estimated = model == "mock" ? " (estimated)" : ""
        let files: [String] = ["Blueprint:  \(blueprint)", "Transcript: \(transcript)"] + (report.map { ["Report:     \($0)"] } ?? [])
        var head: [String] = [table.render(), ""] + files
        head.append("Model:      \(model), \(modelCalls) calls, \(tokens.total) tokens\(estimated), \(Int(elapsedMilliseconds)) ms")
        return head
        .appending(costLine)
        .appending(
            usageByPhase.isEmpty
                ? nil : "By phase:   " + usageByPhase.map { "\($0.name) \(Self.short($0.tokens.total))" }.joined(separator: ", ")
        )
        .appending(
            usageByPersona.isEmpty
                ? nil
                : "By persona: "
                    + usageByPersona.prefix(5).map { "\(team.member($0.name)?.name ?? $0.name) \(Self.short($0.tokens.total))" }.joined(
                        separator: ", "
                    )
                    + (usageByPersona.count > 5 ? ", ..." : "")
        )
        .appending(reused.map { "Resumed:    \($0) answers reused from the interrupted transcript, \(modelCalls - $0) asked anew" })
        .appending(
            verification.map { results in
                let passed = results.reduce(0) { $0 + $1.passed }
                let failed = results.reduce(0) { $0 + $1.failed }
                return "Verified:   \(results.count) services, \(passed) tests passed" + (failed > 0 ? ", \(failed) FAILED" : "")
            }
        )
        .appending(runID.map { "History:    run \($0) (gravity-team runs show \($0))" })
        .appending(
            keptEdits.isEmpty
                ? nil
                : "Your edits: \(keptEdits.count) file\(keptEdits.count == 1 ? "" : "s") you changed kept, this run's version beside each as <file>.gravity-new "
                    + "(merge by hand, or run again with --force to overwrite):\n" + keptEdits.map { "  \($0)" }.joined(separator: "\n")
        )
        .joined(separator: "\n")
    }

    var costLine: String? {
        guard let estimatedCost, let pricedAs else { return "Cost:       no price for \(model) in the price table (counted as free)" }
        let basis = model == "mock" ? "what this run would cost at \(pricedAs) prices" : "at \(pricedAs) prices"
        return String(
            format: "Cost:       $%.4f estimated, %@ (%d prompt + %d completion tokens)",
            estimatedCost,
            basis,
            tokens.prompt,
            tokens.completion
        )
    }

    /// 156692 as 157k.
    static func short(_ tokens: Int) -> String {
        tokens >= 1000 ? "\((tokens + 500) / 1000)k" : String(tokens)
    }
}

extension Array {
    fileprivate func appending(_ element: Element?) -> [Element] {
        guard let element else { return self }
        return self + [element]
    }
}
