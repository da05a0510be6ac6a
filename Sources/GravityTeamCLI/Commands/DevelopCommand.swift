import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime

/// `gravity-team develop`: the team deliberates over a brief and writes the Blueprint.
struct DevelopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "develop",
        abstract: "Run the team through the eight phases and write the Blueprint and transcript."
    )

    @Option(help: "Industry id from industries/, or a path to an industry YAML file.")
    var industry = "general"

    @Option(help: "The one-line brief (default: the industry's own brief).")
    var brief: String?

    @Option(name: .customLong("brief-file"), help: "Read the brief from a file.")
    var briefFile: String?

    @Option(help: "Seed for the mock model; the same seed gives the same run.")
    var seed: String = "42"

    @Option(help: "Output directory (default: gravity-out/<industry>).")
    var out: String?

    @Option(help: "Transcript path (default: <out>/transcript.jsonl).")
    var transcript: String?

    @Option(name: .customLong("max-rounds"), help: "Voting rounds per phase before the product manager decides (1-10).")
    var maxRounds: String = "3"

    @Option(help: "Model requests in flight at once (1-64).")
    var concurrency: String = "14"

    @Option(name: .customLong("mock-latency-ms"), help: "Simulated time per mock model request, in milliseconds.")
    var mockLatency: String = "0"

    @Flag(
        name: .customLong("no-draft-ahead"),
        help:
            "Do not let the next phase's lead draft while the current proposal is reviewed (saves model calls when proposals are often rejected; results are the same)."
    )
    var noDraftAhead = false

    @Flag(help: "Print a machine-readable summary as JSON (and no progress).")
    var json = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        if brief != nil && briefFile != nil { throw ValidationError("give --brief or --brief-file, not both") }
        _ = try parsedSettings()
    }

    func run() async throws {
        let settings = try parsedSettings()
        let catalog = try data.catalog()
        let industry = try catalog.industry(self.industry)
        let team = try catalog.team(for: industry)
        let brief = try resolveBrief(default: industry.defaultBrief)
        let output = try OutputDirectory(path: out ?? "gravity-out/\(industry.id)")
        let transcriptPath = transcript ?? output.file("transcript.jsonl")
        let writer = try TranscriptWriter(path: transcriptPath, rank: { team.rank(of: $0) })
        var observers: [any BusObserver] = [writer]
        if !json { observers.append(ProgressReporter(team: team) { print($0) }) }

        let model = MockModel(seed: settings.seed, latency: .milliseconds(settings.mockLatencyMilliseconds))
        let configuration = SessionConfiguration(
            team: team,
            brief: brief,
            seed: settings.seed,
            maxRounds: settings.maxRounds,
            concurrency: settings.concurrency,
            model: model,
            draftAhead: !noDraftAhead
        )
        let clock = ContinuousClock()
        let start = clock.now
        let result: SessionResult
        do {
            result = try await DevelopmentSession.run(configuration, observers: observers)
        } catch {
            writer.close()
            throw error
        }
        writer.close()
        if let failure = writer.failure { throw RuntimeError.cannotWrite(path: transcriptPath, reason: failure) }
        let blueprintPath = output.file("blueprint.json")
        try output.write(try CanonicalJSON.pretty(result.blueprint), to: "blueprint.json")
        let elapsed = clock.now - start

        let report = DevelopReport(
            industry: industry.id,
            brief: brief,
            seed: settings.seed,
            model: model.name,
            result: result,
            blueprint: blueprintPath,
            transcript: transcriptPath,
            elapsed: elapsed
        )
        if json {
            try printJSON(report)
        } else {
            print("")
            print(report.table(team: team))
        }
    }

    private func resolveBrief(default fallback: String) throws -> String {
        if let briefFile {
            guard let text = try? String(contentsOfFile: briefFile, encoding: .utf8) else {
                throw RuntimeError.invalidConfiguration("\(briefFile): cannot read the brief file")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw RuntimeError.invalidConfiguration("\(briefFile): the brief file is empty") }
            return trimmed
        }
        if let brief {
            let trimmed = brief.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ValidationError("--brief is empty") }
            return trimmed
        }
        return fallback
    }

    private struct Settings {
        var seed: UInt64
        var maxRounds: Int
        var concurrency: Int
        var mockLatencyMilliseconds: Int
    }

    private func parsedSettings() throws -> Settings {
        guard let seed = UInt64(seed) else {
            throw ValidationError("invalid --seed '\(seed)': expected a whole number from 0 to \(UInt64.max)")
        }
        guard let maxRounds = Int(maxRounds), (1...10).contains(maxRounds) else {
            throw ValidationError("invalid --max-rounds '\(maxRounds)': expected a whole number from 1 to 10")
        }
        guard let concurrency = Int(concurrency), (1...64).contains(concurrency) else {
            throw ValidationError("invalid --concurrency '\(concurrency)': expected a whole number from 1 to 64")
        }
        guard let latency = Int(mockLatency), (0...60_000).contains(latency) else {
            throw ValidationError("invalid --mock-latency-ms '\(mockLatency)': expected a whole number from 0 to 60000")
        }
        return Settings(seed: seed, maxRounds: maxRounds, concurrency: concurrency, mockLatencyMilliseconds: latency)
    }
}
