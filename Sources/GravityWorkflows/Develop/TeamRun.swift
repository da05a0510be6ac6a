import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime
import GravitySystem

/// What `Develop` and `Resume` share once their inputs are settled: the team deliberates (or goes on
/// from an interrupted transcript), the application is written, the run is recorded in the history
/// once, and the generated services' own tests run.
struct TeamRun {
    var team: Team
    var brief: String
    var seed: UInt64
    var maxRounds: Int
    var options: RunOptions
    var output: OutputDirectory
    /// Where the finished transcript goes.
    var transcriptPath: String
    /// The run being resumed, and its transcript's path.
    var interrupted: (transcript: Transcript, path: String)?
    var progress: (@Sendable (String) -> Void)?
    /// For a change to an application: what it starts from, and the application's earlier versions.
    var change: (run: ChangeRun, earlier: [AppRevision])?

    /// What a run needs settled before the team starts: the team of the industry (the transcript's,
    /// for a resume), and the output directory, held for this run alone.
    static func prepare(
        _ industryOption: String?, catalog: Catalog, header: TranscriptHeader?, options: RunOptions
    ) throws -> (Team, OutputDirectory) {
        let industry = try IndustryChoice.load(industryOption, catalog: catalog, transcriptHeader: header)
        let team = try catalog.team(for: industry)
        return (team, try OutputDirectory(path: options.out ?? "gravity-out/\(industry.id)", exclusive: true))
    }

    func execute(interruption: RunInterruption) async throws -> DevelopOutcome {
        let (prices, history) = (options.prices, options.history)
        let budget = options.tokenBudget.map { TokenBudget(limit: $0) }
        let mock = MockModel(seed: seed, latency: .milliseconds(options.mockLatencyMilliseconds))
        let unbudgeted = options.model.languageModel(seed: seed, mock: mock)
        let chosen: any LanguageModel = budget.map { BudgetedModel(unbudgeted, budget: $0) } ?? unbudgeted
        if let interrupted, interrupted.transcript.header.model != chosen.name {
            throw RunError.otherModel(transcript: interrupted.path, recorded: interrupted.transcript.header.model, given: chosen.name)
        }
        let model: any LanguageModel = interrupted.map { ReplayModel(transcript: $0.transcript, fallback: chosen) } ?? chosen
        let say: @Sendable (String) -> Void = progress ?? { _ in }
        var configuration = SessionConfiguration(
            team: team, brief: brief, seed: seed, maxRounds: maxRounds, concurrency: options.concurrency, model: model,
            draftAhead: options.draftAhead, change: change?.run
        )
        configuration.owner = try ownerSeat()
        let recorder = RunRecorder()
        var observers: [any BusObserver] = [recorder]
        if progress != nil { observers.append(ProgressReporter(team: team, write: say)) }
        // A resumed run writes beside the interrupted transcript and replaces it only once complete.
        let writePath = interrupted == nil ? transcriptPath : transcriptPath + ".resuming"
        var run = DevelopRun(
            configuration: configuration, output: output, transcriptPath: writePath, observers: observers,
            generate: { [change] blueprint, decisions in
                try ApplicationGenerator.generate(
                    after: change?.earlier ?? [], change: change?.run.change.name, blueprint: blueprint, decisions: decisions, team: team
                )
            }
        )
        run.force = options.force
        let bookkeeping = RunBookkeeping(
            recorder: recorder, command: interrupted == nil ? "develop" : "resume", configuration: configuration,
            transcript: HistoryFile.absolute(transcriptPath), output: HistoryFile.absolute(output.path), prices: prices, modelName: model.name
        )
        // Noted before the team starts, so that `serve` can follow it; ended however the run ends
        // (a signal ends the process from the interruption's record, where no defer runs).
        let live = history.beginLive(
            LiveRun(
                pid: getpid(), startedAt: Date(), command: bookkeeping.command, industry: team.industry.id, brief: brief,
                transcript: HistoryFile.absolute(writePath), output: HistoryFile.absolute(output.path),
                answersFromServe: options.owner?.source == .serve
            )
        )
        interruption.enter(
            .deliberating(
                record: { signal in
                    let stopped = RunInterrupted(signal: signal, stage: recorder.stage)
                    let runID = history.record(bookkeeping.records(result: nil, failure: stopped))
                    if let live { history.endLive(id: live, runID: runID) }
                    return stopped
                },
                transcript: transcriptPath
            )
        )
        var recordedAs: Int64?
        defer { if let live { history.endLive(id: live, runID: recordedAs) } }
        let result: SessionResult
        do {
            result = try await run.execute()
        } catch {
            recordedAs = history.record(bookkeeping.records(result: nil, failure: error))
            if let budget, await budget.exhausted {
                // A resumed run's transcript holds every answer so far, the ones just paid for too.
                if interrupted != nil { try? FileReplacement.move(writePath, over: transcriptPath) }
                throw RunError.budgetExhausted(problem: "\(error)", transcript: transcriptPath)
            }
            throw error
        }
        interruption.enter(.recording)
        if interrupted != nil { try FileReplacement.move(writePath, over: transcriptPath) }
        let runID = history.record(bookkeeping.records(result: result, failure: nil))
        recordedAs = runID
        let reportWritten = writeReport(prices: prices, history: history)
        interruption.enter(.verifying(runID: runID, history: history, live: live))
        var verification: [ServiceTestResult]?
        if options.verify {
            say("\nVerifying: each service's own tests, in a virtual environment (cached under \(PythonEnvironment.cacheRoot()))")
            let results = try await Verify(appDirectory: output.path).run()
            verification = results
            for line in results.flatMap(\.reportLines) { say(line) }
        }
        var reused: Int?
        if let interrupted { reused = try ResumeAccounting.reusedAnswers(from: interrupted.transcript, in: transcriptPath) }
        var report = DevelopReport(
            industry: team.industry.id, brief: brief, seed: seed, model: model.name, result: result,
            blueprint: output.file("blueprint.json"), transcript: transcriptPath, runID: runID,
            reused: reused
        )
        report.keptEdits = result.keptEdits
        report.report = reportWritten
        report.verification = verification
        let usage = recorder.usage
        report.usageByPhase = usage.phases
        report.usageByPersona = usage.personas
        if let estimate = prices.estimate(modelLabel: model.name, usage: result.summary.tokens) {
            report.estimatedCost = estimate.dollars
            report.pricedAs = estimate.pricedAs
        }
        return DevelopOutcome(report: report, team: team)
    }
}

extension TeamRun {
    /// The product owner's seat: a resumed run keeps its transcript's gates and answers, and asks
    /// only the gates it had not reached.
    func ownerSeat() throws -> OwnerSeat? {
        let recorded = interrupted?.transcript.header.approve
        guard let gates = recorded ?? (interrupted == nil ? options.owner?.gates : nil) else { return nil }
        let live = try options.owner?.gate(team: team, output: output.path)
        guard let interrupted else { return live.map { OwnerSeat(gates: gates, gate: $0) } }
        // A gated phase with no decision recorded still has its gate to ask: someone must be there
        // to answer, or the resume is refused before anything runs.
        let decided = Set(interrupted.transcript.events.filter { $0.type == .decision }.compactMap(\.phase))
        let left = gates.phases.filter { !decided.contains($0) }
        var fallback: any OwnerGate = NoOwner()
        if let live {
            fallback = live
        } else if TerminalOwner.isAvailable {
            fallback = try OwnerChoice(gates: gates, source: .terminal).gate(team: team, output: output.path)
        } else if !left.isEmpty {
            throw OwnerError.gatesLeft(transcript: interrupted.path, phases: left)
        }
        return OwnerSeat(gates: gates, gate: RecordedOwner(events: interrupted.transcript.events.map(EventSkeleton.init), fallback: fallback))
    }

    /// The run's report beside its transcript, or nil. The run is complete and recorded by now, so
    /// a report that cannot be written is a warning; a file there that is not a report is the
    /// user's and stays.
    func writeReport(prices: PriceTable, history: HistoryFile) -> String? {
        let path = output.file(ReportFile.name(forTranscript: transcriptPath))
        do {
            let page = ReportFile.render(
                try Transcript(path: transcriptPath, allowingPartialTail: true), team: team, prices: prices, appDirectory: output.path,
                pageDirectory: output.path
            )
            guard try ReportFile.write(page, to: path) else {
                history.warn("warning: kept \(path): it is not a gravity-team report; `gravity-team report \(transcriptPath) --out FILE` writes the report elsewhere")
                return nil
            }
            return path
        } catch {
            history.warn("warning: the run's report was not written: \(error)")
            return nil
        }
    }
}

/// A develop or resume run's result: the report, and the team that its table names.
public struct DevelopOutcome: Sendable {
    public var report: DevelopReport
    public var team: Team

    /// The generated tests' failure, when some failed.
    public var verificationFailure: VerificationError? { report.verification.flatMap(Verify.failure) }
}

/// What the history records of a run, at its end or when it is stopped.
private struct RunBookkeeping: Sendable {
    var recorder: RunRecorder
    var command: String
    var configuration: SessionConfiguration
    var transcript: String
    var output: String
    var prices: PriceTable
    var modelName: String

    func records(result: SessionResult?, failure: (any Error)?) -> RunRecords {
        recorder.records(
            command: command, configuration: configuration, transcript: transcript, output: output, result: result, failure: failure,
            cost: { prices.estimate(modelLabel: modelName, usage: $0)?.dollars }
        )
    }
}
