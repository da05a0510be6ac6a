import ArgumentParser
import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime
import GravitySystem
import GravityWorkflows

/// `gravity-team develop`: the team deliberates over a brief and writes the Blueprint.
struct DevelopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "develop",
        abstract: "Run the team through the eight phases, then write the Blueprint, the transcript and the application, and run its tests."
    )

    @Option(help: "Industry id from industries/, or a path to an industry YAML file (default: general).")
    var industry: String?

    @Option(help: "The one-line brief (default: the industry's own brief).")
    var brief: String?

    @Option(name: .customLong("brief-file"), help: "Read the brief from a file.")
    var briefFile: String?

    @Option(parsing: .unconditional, help: "Seed for the mock model; the same seed gives the same run (default: 42).")
    var seed: String?

    @Option(help: "Output directory (default: gravity-out/<industry>).")
    var out: String?

    @Option(help: "Transcript path (default: <out>/transcript.jsonl).")
    var transcript: String?

    @Option(
        name: .customLong("max-rounds"),
        parsing: .unconditional,
        help: "Voting rounds per phase before the product manager decides, 1-10 (default: 3)."
    )
    var maxRounds: String?

    @Option(parsing: .unconditional, help: "Model requests in flight at once (1-64).")
    var concurrency: String = "14"

    @Option(name: .customLong("mock-latency-ms"), parsing: .unconditional, help: "Simulated time per mock model request, in milliseconds.")
    var mockLatency: String = "0"

    @Option(
        help: "Continue the interrupted run in this transcript: recorded answers are reused, the model is asked only for what is missing."
    )
    var resume: String?

    @Option(
        name: .customLong("from"),
        help: "Change the application in this directory (a develop run's --out) instead of building one: give --change-file or --change."
    )
    var from: String?

    @Option(name: .customLong("change-file"), help: "With --from: the change, as a change file (docs/formats.md).")
    var changeFile: String?

    @Option(help: "With --from: the change in one line of words, for a real model.")
    var change: String?

    @Flag(help: "Overwrite files you changed since the last run wrote them (by default they are kept, the new version beside each as <file>.gravity-new).")
    var force = false

    @Flag(
        name: .customLong("allow-destructive"),
        help: "With --from: let the change take fields away (their values are copied into _dropped_<table>_<column> tables first)."
    )
    var allowDestructive = false

    @Flag(
        name: .customLong("no-draft-ahead"),
        help:
            "Do not let the next phase's lead draft while the current proposal is reviewed (saves model calls when proposals are often rejected; results are the same)."
    )
    var noDraftAhead = false

    @Flag(name: .customLong("no-verify"), help: "Do not run the generated services' own tests after generating them.")
    var noVerify = false

    @Option(
        name: .customLong("budget-tokens"),
        parsing: .unconditional,
        help: "Stop, resumable, before a model call would take the run past this many tokens."
    )
    var budgetTokens: String?

    @Option(help: "Price table for the estimated cost (default: $GRAVITY_PRICES, else prices.yaml beside personas/).")
    var prices: String?

    @Flag(help: "Print a machine-readable summary as JSON (and no progress).")
    var json = false

    @Option(help: "Approval gates: after the team decides these phases (comma-separated, or all), a person approves, rejects with a reason, or amends.")
    var approve: String?

    @Option(help: "With --approve: the person's word overrides the team's vote (override) or counts as one weighted vote (vote).")
    var owner: OwnerMode?

    @Option(help: "With --approve: the gates' answers from a file, one per gate in order (docs/cli.md has the format).")
    var answers: String?

    @Option(name: .customLong("answers-from"), help: "With --approve: take the gates' answers from the run's live page in gravity-team serve (give: serve).")
    var answersFrom: AnswerSource?

    @OptionGroup var data: DataOptions
    @OptionGroup var history: HistoryOptions
    @OptionGroup var models: ModelOptions

    func validate() throws {
        if brief != nil && briefFile != nil { throw ValidationError("give --brief or --brief-file, not both") }
        if from != nil {
            if (changeFile == nil) == (change == nil) { throw ValidationError("--from needs --change-file or --change, one of them") }
            let conflicting = [("--brief", brief), ("--brief-file", briefFile), ("--resume", resume), ("--out", out), ("--transcript", transcript), ("--max-rounds", maxRounds)]
                .filter { $0.1 != nil }.map(\.0)
            if !conflicting.isEmpty {
                throw ValidationError(
                    "--from changes the application where it is, with its transcripts beside it; remove \(conflicting.joined(separator: ", "))")
            }
        } else if changeFile != nil || change != nil || allowDestructive {
            throw ValidationError("--change-file, --change and --allow-destructive go with --from <app>")
        }
        if resume != nil {
            let conflicting = [("--brief", brief), ("--brief-file", briefFile), ("--seed", seed), ("--max-rounds", maxRounds)]
                .filter { $0.1 != nil }.map(\.0)
            if !conflicting.isEmpty {
                throw ValidationError(
                    "--resume takes the brief, seed and rounds from the transcript; remove \(conflicting.joined(separator: ", "))"
                )
            }
        }
        if approve == nil, resume == nil, owner != nil || answers != nil || answersFrom != nil {
            throw ValidationError("--owner, --answers and --answers-from go with --approve")
        }
        if resume != nil, approve != nil || owner != nil {
            throw ValidationError("--resume keeps the gates its transcript names; remove --approve and --owner (--answers and --answers-from may answer the gates left)")
        }
        if answers != nil, answersFrom != nil { throw ValidationError("give --answers or --answers-from, not both") }
        _ = try SessionSettings.parse(seed: seed, maxRounds: maxRounds, concurrency: concurrency, mockLatency: mockLatency)
        _ = try budget()
    }

    /// The approval gates asked for, with where their answers come from: refused here, before the
    /// team starts, when nobody could answer.
    func ownerChoice() throws -> OwnerChoice? {
        if let approve {
            return try OwnerChoice.parse(approve: approve, mode: owner ?? .override, answers: answers, fromServe: answersFrom == .serve)
        }
        // A resume: the gates are the transcript's; only the source is given here.
        if let answers { return OwnerChoice(gates: OwnerGates(phases: [], mode: .override), source: .file(answers)) }
        if answersFrom == .serve { return OwnerChoice(gates: OwnerGates(phases: [], mode: .override), source: .serve) }
        return nil
    }

    func budget() throws -> Int? {
        guard let budgetTokens else { return nil }
        guard let value = Int(budgetTokens), value > 0 else {
            throw ValidationError("invalid --budget-tokens '\(budgetTokens)': expected a whole number of tokens above 0")
        }
        return value
    }

    func run() async throws {
        do {
            try await develop()
        } catch where InterruptHandler.handling.withLock({ $0 }) {
            // Interrupted: the handler records where, stops what the run started and exits; the error
            // that stopping caused here is not the user's news.
            while true { try? await Task.sleep(for: .seconds(60)) }
        }
    }

    private func develop() async throws {
        let settings = try SessionSettings.parse(seed: seed, maxRounds: maxRounds, concurrency: concurrency, mockLatency: mockLatency)
        let catalog = try data.catalog()
        let priceTable = try PriceTable.load(explicit: prices, data: try? data.source())
        let model = try models.choice()
        // Each line out as it happens, also into a pipe or a file (where stdout is not line-buffered).
        let printLine: @Sendable (String) -> Void = {
            print($0)
            fflush(nil)
        }
        let progress = json ? nil : printLine
        var options = RunOptions(prices: priceTable, history: history.file)
        options.concurrency = settings.concurrency
        options.mockLatencyMilliseconds = settings.mockLatencyMilliseconds
        options.out = out
        options.draftAhead = !noDraftAhead
        options.verify = !noVerify
        options.force = force
        options.tokenBudget = try budget()
        options.model = model
        options.owner = try ownerChoice()
        let outcome: DevelopOutcome
        if let from {
            var inputs = DevelopChange.Inputs(catalog: catalog, app: from, options: options)
            inputs.industry = industry
            inputs.changeFile = changeFile
            inputs.text = change
            inputs.allowDestructive = allowDestructive
            inputs.seed = seed == nil ? nil : settings.seed
            inputs.notices = { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
            let workflow = DevelopChange(inputs)
            outcome = try await Self.interruptible(workflow.interruption) { try await workflow.run(progress: progress) }
        } else if let resume {
            var inputs = Resume.Inputs(catalog: catalog, transcript: resume, options: options)
            inputs.industry = industry
            let workflow = Resume(inputs)
            outcome = try await Self.interruptible(workflow.interruption) { try await workflow.run(progress: progress) }
        } else {
            var inputs = Develop.Inputs(catalog: catalog, options: options)
            inputs.industry = industry
            inputs.brief = try BriefInput(brief: brief, briefFile: briefFile).given()
            inputs.seed = settings.seed
            inputs.maxRounds = settings.maxRounds
            inputs.transcript = transcript
            inputs.notices = { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
            let workflow = Develop(inputs)
            outcome = try await Self.interruptible(workflow.interruption) { try await workflow.run(progress: progress) }
        }
        if json {
            try printJSON(outcome.report)
        } else {
            print("")
            print(outcome.report.table(team: outcome.team))
        }
        if let failure = outcome.verificationFailure { throw failure }
    }

    /// Runs `body` with SIGINT and SIGTERM turned into a recorded ending (what `interruption` says).
    private static func interruptible<T>(_ interruption: RunInterruption, _ body: () async throws -> T) async throws -> T {
        let interrupts = InterruptHandler { signal in
            FileHandle.standardError.write(Data("error: \(interruption.record(signal))\n".utf8))
        }
        defer { interrupts.remove() }
        return try await body()
    }
}

/// Where `--answers-from` takes the gates' answers.
enum AnswerSource: String, ExpressibleByArgument {
    case serve
}

extension OwnerMode: ExpressibleByArgument {}
