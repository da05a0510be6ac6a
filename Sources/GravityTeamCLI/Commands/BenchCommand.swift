import ArgumentParser
import Foundation
import GravityModel
import GravityBenchmarks
import GravityRuntime

/// `gravity-team bench`: every benchmark the project keeps, for users to reproduce (build with -c
/// release); the measuring code is in GravityBenchmarks. `bench bus` (and team, replay, scale, review,
/// all) are the runtime's; develop, replay-verify, generate and deploy time the commands themselves.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: bus, team, replay, scale, review, all, develop, replay-verify, generate, deploy, app (run a release build: swift run -c release gravity-team bench bus).",
        subcommands: [
            RuntimeBenchCommand.self, DevelopBenchCommand.self, ReplayVerifyBenchCommand.self, GenerateBenchCommand.self, DeployBenchCommand.self,
            AppBenchCommand.self,
        ],
        defaultSubcommand: RuntimeBenchCommand.self
    )
}

/// `gravity-team bench bus|team|replay|scale|review|all`: the runtime's own benchmarks.
struct RuntimeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime",
        abstract: "The runtime: bus, team, replay, scale, review or all (`gravity-team bench bus` is `gravity-team bench runtime bus`)."
    )

    enum Scenario: String, CaseIterable {
        case bus, team, replay, scale, review, all
    }

    /// Taken as text and checked in `validate`, so that a wrong name is a one-line error.
    @Argument(
        help: ArgumentHelp(
            "bus, team, replay, scale, review (one round of 14 reviews with a fixed-answer model) or all.",
            valueName: "scenario"
        )
    )
    var scenarioName: String

    private var scenario: Scenario { Scenario(rawValue: scenarioName) ?? .all }

    @Option(parsing: .unconditional, help: "Messages per bus measurement (one-to-one; broadcasts are a fifth of it).")
    var messages = 1_000_000

    @Option(parsing: .unconditional, help: "Offered load, messages a second, at which one-to-one latency is measured.")
    var rate = 1_000_000

    @Option(name: .customLong("broadcast-rate"), parsing: .unconditional, help: "Offered load, broadcasts a second, at which broadcast latency is measured.")
    var broadcastRate = 200_000

    @Option(name: .customLong("bus-runs"), parsing: .unconditional, help: "Repetitions of the bus measurements; the report gives their medians.")
    var busRuns = 5

    @Option(name: .customLong("latency-ms"), parsing: .unconditional, help: "Simulated model latency for the team scenario's concurrency comparison.")
    var latencyMilliseconds = 20

    @Option(parsing: .unconditional, help: "Events in the replay scenario's synthetic transcript.")
    var events = 100_000

    @Option(parsing: .unconditional, help: "Review rounds in the review scenario.")
    var rounds = 500

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard Scenario(rawValue: scenarioName) != nil else {
            throw ValidationError("unknown scenario '\(scenarioName)': expected bus, team, replay, scale, review, all, develop, replay-verify, generate, deploy or app")
        }
        try CountOptions.check([
            "--messages": messages, "--rate": rate, "--broadcast-rate": broadcastRate, "--bus-runs": busRuns,
            "--events": events, "--rounds": rounds, "--latency-ms": latencyMilliseconds,
        ])
    }

    func run() async throws {
        var report = BenchReport(machine: .current)
        let wanted: Set<Scenario> = scenario == .all ? [.bus, .team, .replay, .scale, .review] : [scenario]
        if wanted.contains(.bus) {
            let broadcasts = max(1, messages / 5)
            var runs: [[BusBenchmark.Result]] = Array(repeating: [], count: 4)
            var stalls: [MachineStalls] = []
            var roundTrips: [Double?] = []
            for _ in 0..<busRuns {
                roundTrips.append(await CoreRoundTrip.measure())
                runs[0].append(await BusBenchmark.run(messages: messages, subscribers: 1))
                runs[1].append(await BusBenchmark.run(messages: broadcasts, subscribers: 14))
                runs[2].append(await BusBenchmark.run(messages: messages, subscribers: 1, rate: Double(rate)))
                runs[3].append(await BusBenchmark.run(messages: broadcasts, subscribers: 14, rate: Double(broadcastRate)))
                stalls.append(await MachineStalls.measure(seconds: 1))
            }
            report.bus = .init(
                runs: busRuns,
                machineStalls: MachineStalls.combined(stalls),
                coreRoundTripNsByRun: roundTrips,
                oneToOne: .init(runs[0]),
                broadcast14: .init(runs[1]),
                oneToOneAtLoad: .init(runs[2]),
                broadcast14AtLoad: .init(runs[3])
            )
        }
        let catalog = wanted.isDisjoint(with: [.team, .scale, .review]) ? nil : try data.catalog()
        if wanted.contains(.review), let catalog {
            let team = try catalog.team(for: catalog.industry("ecommerce"))
            _ = try await ReviewRoundBenchmark.run(team: team, rounds: 20)
            let milliseconds = try await ReviewRoundBenchmark.run(team: team, rounds: rounds)
            report.review = .init(rounds: rounds, wallMs: milliseconds, roundsPerS: Double(rounds) / milliseconds * 1000)
        }
        if wanted.contains(.team), let catalog {
            var industries: [SessionBenchmarks.Single] = []
            var concurrency: [BenchReport.Concurrency] = []
            for id in catalog.industryIDs {
                let team = try catalog.team(for: catalog.industry(id))
                industries.append(try await SessionBenchmarks.single(team: team))
                let runs = try await SessionBenchmarks.latency(
                    team: team,
                    latency: .milliseconds(latencyMilliseconds),
                    concurrencies: [1, 4, 14]
                )
                concurrency += runs.map {
                    .init(industry: id, concurrency: $0.concurrency, wallMs: $0.milliseconds, modelCalls: $0.calls)
                }
            }
            report.team = .init(industries: industries, latencyMs: latencyMilliseconds, concurrency: concurrency)
        }
        if wanted.contains(.replay) {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-bench-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let result = try SessionBenchmarks.replay(events: events, scratch: scratch)
            report.replay = .init(
                events: result.events,
                wallMs: result.milliseconds,
                eventsPerS: Double(result.events) / result.milliseconds * 1000
            )
        }
        if wanted.contains(.scale), let catalog {
            let team = try catalog.team(for: catalog.industry("ecommerce"))
            var scale: [SessionBenchmarks.Scale] = []
            for count in [1, 10, 100] { scale.append(try await SessionBenchmarks.scale(team: team, sessions: count)) }
            report.scale = scale.map {
                .init(
                    sessions: $0.sessions,
                    wallMs: $0.wallMilliseconds,
                    sessionsPerS: $0.sessionsPerSecond,
                    megabytesPerSession: $0.bytesPerSession / 1_048_576
                )
            }
        }
        if json {
            try printJSON(report)
        } else {
            print(report.tables)
        }
    }
}
