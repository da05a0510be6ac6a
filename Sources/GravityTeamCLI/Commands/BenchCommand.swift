import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime

/// `gravity-team bench`: the runtime's own benchmarks, for users to reproduce (build with -c release).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the runtime: bus, team, replay or scale (run a release build: swift run -c release gravity-team bench bus)."
    )

    enum Scenario: String, ExpressibleByArgument, CaseIterable {
        case bus, team, replay, scale, review, all
    }

    @Argument(help: "bus, team, replay, scale, review (one round of 14 reviews with a fixed-answer model) or all.")
    var scenario: Scenario

    @Option(help: "Messages per bus measurement (one-to-one; broadcasts are a fifth of it).")
    var messages = 1_000_000

    @Option(name: .customLong("latency-ms"), help: "Simulated model latency for the team scenario's concurrency comparison.")
    var latencyMilliseconds = 20

    @Option(help: "Events in the replay scenario's synthetic transcript.")
    var events = 100_000

    @Option(help: "Review rounds in the review scenario.")
    var rounds = 500

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() async throws {
        var report = BenchReport(machine: .current)
        let wanted: Set<Scenario> = scenario == .all ? [.bus, .team, .replay, .scale, .review] : [scenario]
        if wanted.contains(.bus) {
            // Flat out: the publisher as fast as it can go, so the latency includes any queueing.
            let one = await BusBenchmark.run(messages: messages, subscribers: 1)
            let many = await BusBenchmark.run(messages: max(1, messages / 5), subscribers: 14)
            report.bus = .init(oneToOne: .init(one), broadcast14: .init(many))
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
            for id in catalog.industryIDs {
                industries.append(try await SessionBenchmarks.single(team: catalog.team(for: catalog.industry(id))))
            }
            let team = try catalog.team(for: catalog.industry("ecommerce"))
            let latency = try await SessionBenchmarks.latency(
                team: team,
                latency: .milliseconds(latencyMilliseconds),
                concurrencies: [1, 4, 14]
            )
            report.team = .init(
                industries: industries,
                latencyMs: latencyMilliseconds,
                concurrency: latency.map { .init(concurrency: $0.concurrency, wallMs: $0.milliseconds) }
            )
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
