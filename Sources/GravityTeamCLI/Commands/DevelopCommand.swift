import ArgumentParser
import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime
import GravitySystem
import Synchronization

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

    @OptionGroup var data: DataOptions
    @OptionGroup var history: HistoryOptions
    @OptionGroup var models: ModelOptions

    func validate() throws {
        if brief != nil && briefFile != nil { throw ValidationError("give --brief or --brief-file, not both") }
        if resume != nil {
            let conflicting = [("--brief", brief), ("--brief-file", briefFile), ("--seed", seed), ("--max-rounds", maxRounds)]
                .filter { $0.1 != nil }.map(\.0)
            if !conflicting.isEmpty {
                throw ValidationError(
                    "--resume takes the brief, seed and rounds from the transcript; remove \(conflicting.joined(separator: ", "))"
                )
            }
        }
        _ = try SessionSettings.parse(seed: seed, maxRounds: maxRounds, concurrency: concurrency, mockLatency: mockLatency)
        _ = try budget()
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
        var settings = try SessionSettings.parse(seed: seed, maxRounds: maxRounds, concurrency: concurrency, mockLatency: mockLatency)
        let catalog = try data.catalog()
        // Before the team starts: a missing python3-venv would otherwise surface only after the whole run.
        if !noVerify {
            do {
                try await PythonEnvironment.checkAvailable()
            } catch let unavailable as PythonEnvironment.Unavailable {
                throw VerificationError.unavailable(unavailable)
            }
        }
        let interrupted = try resume.map { try Transcript(path: $0, allowingPartialTail: true) }
        if let interrupted {
            guard !interrupted.isComplete else {
                throw RuntimeError.invalidConfiguration(
                    "\(resume ?? ""): the run is complete; nothing to resume (use replay to reproduce it)"
                )
            }
            settings.seed = interrupted.header.seed
            settings.maxRounds = interrupted.header.maxRounds
        }
        let industry = try IndustryChoice.load(industry, catalog: catalog, transcriptHeader: interrupted?.header)
        let team = try catalog.team(for: industry)
        let brief = try interrupted?.header.brief ?? BriefInput(brief: brief, briefFile: briefFile).resolve(default: industry.defaultBrief)
        let output = try OutputDirectory(path: out ?? "gravity-out/\(industry.id)", exclusive: true)
        let transcriptPath = resume ?? transcript ?? output.file("transcript.jsonl")
        try TranscriptPlacement.check(transcriptPath, output: output)

        let mock = MockModel(seed: settings.seed, latency: .milliseconds(settings.mockLatencyMilliseconds))
        let priceTable = try PriceTable.load(explicit: prices, dataDirectory: try? data.root())
        let tokenBudget = try budget().map { TokenBudget(limit: $0) }
        let unbudgeted = try models.languageModel(seed: settings.seed, mock: mock)
        if interrupted == nil, brief != industry.defaultBrief, try models.provider() == .mock {
            // The mock model drafts from the industry file; only a real model reads a brief.
            FileHandle.standardError.write(
                Data(
                    "note: the mock model builds the \(industry.name) domain of the industry file whatever the brief says; the brief is recorded, and a real model (--model ollama or openai) works from it\n"
                        .utf8
                )
            )
        }
        let chosen: any LanguageModel = tokenBudget.map { BudgetedModel(unbudgeted, budget: $0) } ?? unbudgeted
        if let interrupted, interrupted.header.model != chosen.name {
            throw RuntimeError.invalidConfiguration(
                "\(resume ?? ""): the run used model '\(interrupted.header.model)'; resume it with the same model, not '\(chosen.name)'"
            )
        }
        let model: any LanguageModel = interrupted.map { ReplayModel(transcript: $0, fallback: chosen) } ?? chosen
        let configuration = SessionConfiguration(
            team: team,
            brief: brief,
            seed: settings.seed,
            maxRounds: settings.maxRounds,
            concurrency: settings.concurrency,
            model: model,
            draftAhead: !noDraftAhead
        )
        let recorder = RunRecorder()
        var observers: [any BusObserver] = [recorder]
        // Each line out as it happens, also into a pipe or a file (where stdout is not line-buffered).
        if !json {
            observers.append(
                ProgressReporter(team: team) {
                    print($0)
                    fflush(nil)
                }
            )
        }
        // A resumed run writes beside the interrupted transcript and replaces it only once complete.
        let writePath = resume.map { $0 + ".resuming" } ?? transcriptPath
        let run = DevelopRun(
            configuration: configuration,
            output: output,
            transcriptPath: writePath,
            observers: observers,
            generate: { try ApplicationGenerator.generate(blueprint: $0, decisions: $1, team: team) }
        )
        // Where an interruption finds the run decides what it records: a row of its own while the team
        // deliberates, nothing while the finished run is being recorded, a mark on that row afterwards.
        let stage = Mutex(RunStage.deliberating)
        let command = resume == nil ? "develop" : "resume"
        let history = self.history
        let interrupts = InterruptHandler { signal in
            let message: String
            switch stage.withLock({ $0 }) {
            case .deliberating:
                let interruption = RunInterrupted(signal: signal, stage: recorder.stage)
                _ = history.record(
                    recorder.records(
                        command: command,
                        configuration: configuration,
                        transcript: transcriptPath,
                        output: output.path,
                        result: nil,
                        failure: interruption,
                        cost: { priceTable.estimate(modelLabel: model.name, usage: $0)?.dollars }
                    )
                )
                message = "\(interruption); the transcript so far is kept: gravity-team develop --resume \(transcriptPath)"
            case .recording:
                message = "interrupted by \(signal) as the finished run was being recorded; the transcript is complete"
            case .verifying(let runID):
                let interruption = RunInterrupted(signal: signal, stage: "while the generated tests ran")
                if let runID { history.markInterrupted(runID: runID, interruption) }
                message = "\(interruption); the application is written"
            }
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        }
        defer { interrupts.remove() }
        let result: SessionResult
        do {
            result = try await run.execute()
        } catch {
            _ = history.record(
                recorder.records(
                    command: resume == nil ? "develop" : "resume",
                    configuration: configuration,
                    transcript: transcriptPath,
                    output: output.path,
                    result: nil,
                    failure: error,
                    cost: { priceTable.estimate(modelLabel: model.name, usage: $0)?.dollars }
                )
            )
            if let tokenBudget, await tokenBudget.exhausted {
                // A resumed run's transcript holds every answer so far, the ones just paid for too.
                if resume != nil { try? FileReplacement.move(writePath, over: transcriptPath) }
                throw RuntimeError.invalidConfiguration(
                    "\(error)\nThe transcript so far is kept; continue with: gravity-team develop --resume \(transcriptPath) --budget-tokens <a larger budget>"
                )
            }
            throw error
        }
        stage.withLock { $0 = .recording }
        if resume != nil { try FileReplacement.move(writePath, over: transcriptPath) }
        let runID = history.record(
            recorder.records(
                command: resume == nil ? "develop" : "resume",
                configuration: configuration,
                transcript: transcriptPath,
                output: output.path,
                result: result,
                failure: nil,
                cost: { priceTable.estimate(modelLabel: model.name, usage: $0)?.dollars }
            )
        )
        stage.withLock { $0 = .verifying(runID: runID) }
        var verification: [ServiceTestResult]?
        if !noVerify {
            if !json {
                print("\nVerifying: each service's own tests, in a virtual environment (cached under \(PythonEnvironment.cacheRoot()))")
                fflush(nil)
            }
            let results = try await ServiceTestRunner(appDirectory: output.path).run()
            verification = results
            if !json {
                for line in results.flatMap(\.reportLines) { print(line) }
            }
        }
        var report = DevelopReport(
            industry: industry.id,
            brief: brief,
            seed: settings.seed,
            model: model.name,
            result: result,
            blueprint: output.file("blueprint.json"),
            transcript: transcriptPath,
            runID: runID,
            reused: try interrupted.map { try ResumeAccounting.reusedAnswers(from: $0, in: transcriptPath) }
        )
        report.verification = verification
        let usage = recorder.usage
        report.usageByPhase = usage.phases
        report.usageByPersona = usage.personas
        if let estimate = priceTable.estimate(modelLabel: model.name, usage: result.summary.tokens) {
            report.estimatedCost = estimate.dollars
            report.pricedAs = estimate.pricedAs
        }
        if json {
            try printJSON(report)
        } else {
            print("")
            print(report.table(team: team))
        }
        if let verification, verification.contains(where: { !$0.succeeded }) {
            throw VerificationError.failed(verification)
        }
    }
}

/// Where a develop run is, for what an interruption records.
private enum RunStage {
    case deliberating
    case recording
    case verifying(runID: Int64?)
}
