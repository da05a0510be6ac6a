import ArgumentParser
import Foundation
import GravityRuntime

/// `gravity-team runs`: the run history.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List past runs from the history, or show one.",
        subcommands: [RunsListCommand.self, RunsShowCommand.self],
        defaultSubcommand: RunsListCommand.self
    )
}

struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the most recent runs.")

    @Option(parsing: .unconditional, help: "How many runs to list.")
    var limit = 20

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit \(limit) must be at least 1") }
    }

    func run() throws {
        let runs = try RunHistory(path: history.path).runs(limit: limit)
        if json {
            try printJSON(runs)
            return
        }
        guard !runs.isEmpty else {
            print("no runs recorded in \(history.path)")
            return
        }
        var table = TextTable(header: ["id", "started", "command", "industry", "seed", "model", "status", "calls", "tokens", "duration"])
        for run in runs {
            table.rows.append([
                String(run.id ?? 0), RunsFormat.date(run.startedAt), run.command, run.industry, run.seed, run.model, run.status,
                String(run.modelCalls), String(run.promptTokens + run.completionTokens), RunsFormat.duration(run.durationMilliseconds),
            ])
        }
        print(table.render())
    }
}

struct RunsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one run: inputs, phases, usage and votes.")

    @Argument(help: "The run id (see gravity-team runs).")
    var id: Int64

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let database = try RunHistory(path: history.path)
        guard let (run, phases, votes) = try database.run(id: id) else {
            throw ValidationError("no run \(id) in \(history.path)")
        }
        let personas = try database.personaUsage(runID: id)
        if json {
            try printJSON(RunDetail(run: run, phases: phases, votes: votes, personas: personas))
            return
        }
        print("Run \(id): \(run.command) \(run.industry), seed \(run.seed), model \(run.model), \(run.status)")
        print("Started \(RunsFormat.date(run.startedAt)), took \(RunsFormat.duration(run.durationMilliseconds))")
        print("Brief: \(run.brief)")
        if let failure = run.failure { print("Failure: \(failure)") }
        print("Transcript: \(run.transcript)")
        print("Output: \(run.output)")
        print("Model calls: \(run.modelCalls), tokens: \(run.promptTokens) prompt + \(run.completionTokens) completion")
        if let cost = run.estimatedCost { print(String(format: "Estimated cost: $%.4f", cost)) }
        print("")
        var table = TextTable(header: ["phase", "outcome", "rounds", "average", "support", "decided by", "calls", "tokens", "duration"])
        for phase in phases {
            table.rows.append([
                phase.phase, phase.outcome, String(phase.rounds), String(format: "%.2f", phase.average),
                String(format: "%.1f%%", phase.support), phase.decidedBy, String(phase.modelCalls),
                String(phase.promptTokens + phase.completionTokens), RunsFormat.duration(phase.durationMilliseconds),
            ])
        }
        print(table.render())
        if !personas.isEmpty {
            print("")
            var usage = TextTable(header: ["persona", "calls", "prompt tokens", "completion tokens"])
            for persona in personas {
                usage.rows.append([persona.persona, String(persona.calls), String(persona.promptTokens), String(persona.completionTokens)])
            }
            print(usage.render())
        }
        let against = votes.filter { !$0.abstained && ($0.option == "disagree" || $0.option == "strongly_disagree") }
        let abstentions = votes.filter(\.abstained)
        print("")
        print(
            "\(votes.count) votes, \(against.count) against\(abstentions.isEmpty ? "" : ", \(abstentions.count) abstained (\(abstentions.map { "\($0.phase) round \($0.round): \($0.voter)" }.joined(separator: "; ")))"):"
        )
        for vote in against {
            print("  \(vote.phase) round \(vote.round): \(vote.voter) \(vote.option) (missing: \(vote.missing))")
        }
    }
}

struct RunDetail: Encodable {
    var run: RunRecord
    var phases: [PhaseRecord]
    var votes: [VoteRecord]
    var personas: [PersonaUsageRecord]
}

enum RunsFormat {
    static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func duration(_ milliseconds: Double) -> String {
        milliseconds < 1000 ? String(format: "%.0f ms", milliseconds) : String(format: "%.1f s", milliseconds / 1000)
    }
}
