import Foundation
import GravityModel
import GravityRuntime

/// Times a full offline `develop`: the release binary end to end, the session in process, and the
/// same session with simulated model latency at concurrency 1 and 14.
public struct DevelopBenchmark: Sendable {
    /// Industry to develop.
    public var industry = "ecommerce"

    /// Runs of the binary and of the in-process session.
    public var runs = 20

    /// Simulated model latency per request for the concurrency comparison.
    public var latencyMilliseconds = 100

    /// The gravity-team program whose `develop` is timed.
    public var binary: String

    /// Directory holding personas/ and industries/.
    public var dataDirectory: String?

    public init(binary: String) { self.binary = binary }

    public func run(say: (String) -> Void) async throws {
        let root = try DataDirectory.locate(explicit: dataDirectory)
        let catalog = try Catalog(root: root)
        let team = try catalog.team(for: catalog.industry(industry))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        say("gravity-team bench develop: industry \(industry), \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let executable = binary
        let wall = try await processWallTimes(executable: executable, root: root, scratch: scratch)
        say("| measurement | median | p90 | min | max |")
        say("|---|---|---|---|---|")
        say(row("`gravity-team develop` process wall (load, deliberate, write)", wall))

        var sessionTimes: [Double] = []
        for index in 0..<runs {
            let clock = ContinuousClock()
            let writer = try TranscriptWriter(path: "\(scratch)/session-\(index).jsonl", rank: { team.rank(of: $0) })
            let elapsed = try await clock.measure {
                _ = try await DevelopmentSession.run(
                    SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: 42, model: MockModel(seed: 42)),
                    observers: [writer]
                )
                writer.close()
            }
            sessionTimes.append(elapsed.milliseconds)
        }
        say(row("session in process (deliberate, write transcript)", Statistics(sessionTimes)))

        let results = try await SessionBenchmarks.latency(
            team: team,
            latency: .milliseconds(latencyMilliseconds),
            concurrencies: [1, 4, 14]
        )
        let byConcurrency = Dictionary(uniqueKeysWithValues: results.map { ($0.concurrency, $0.milliseconds) })
        let calls = results.first?.calls ?? 0
        say("")
        say("Simulated latency \(latencyMilliseconds) ms per request, \(calls) requests:")
        say("| concurrency | wall | speed-up over 1 |")
        say("|---|---|---|")
        for concurrency in [1, 4, 14] {
            let time = byConcurrency[concurrency] ?? 0
            say("| \(concurrency) | \(format(time)) | \(String(format: "%.1fx", (byConcurrency[1] ?? 0) / time)) |")
        }
    }

    private func row(_ name: String, _ statistics: Statistics) -> String {
        "| \(name) | \(format(statistics.median)) | \(format(statistics.percentile(90))) | \(format(statistics.minimum)) | \(format(statistics.maximum)) |"
    }

    private func processWallTimes(executable: String, root: String, scratch: String) async throws -> Statistics {
        var times: [Double] = []
        for index in 0..<runs {
            times.append(
                try await ProcessTimer.time(
                    executable,
                    [
                        "develop", "--industry", industry, "--out", "\(scratch)/run-\(index)", "--json", "--data-dir", root,
                        "--history", "\(scratch)/history.sqlite", "--no-verify",
                    ]
                )
            )
        }
        return Statistics(times)
    }
}
