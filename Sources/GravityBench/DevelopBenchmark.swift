import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime

/// Times a full offline `develop`: the release binary end to end, the session in process, and the
/// same session with simulated model latency at concurrency 1 and 14.
struct DevelopBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "develop",
        abstract: "Time a full offline develop and show that reviews run concurrently."
    )

    @Option(help: "Industry to develop.")
    var industry = "ecommerce"

    @Option(help: "Runs of the binary and of the in-process session.")
    var runs = 20

    @Option(name: .customLong("latency-ms"), help: "Simulated model latency per request for the concurrency comparison.")
    var latencyMilliseconds = 100

    @Option(help: "Path to the gravity-team binary (default: next to gravity-bench).")
    var binary: String?

    @Option(name: .customLong("data-dir"), help: "Directory holding personas/ and industries/.")
    var dataDirectory: String?

    func run() async throws {
        let root = try DataDirectory.locate(explicit: dataDirectory)
        let catalog = try Catalog(root: root)
        let team = try catalog.team(for: catalog.industry(industry))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        print("gravity-bench develop: industry \(industry), \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let executable =
            binary
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("gravity-team").path
        let wall = try processWallTimes(executable: executable, root: root, scratch: scratch)
        print("| measurement | median | p90 | min | max |")
        print("|---|---|---|---|---|")
        print(row("`gravity-team develop` process wall (load, deliberate, write)", wall))

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
        print(row("session in process (deliberate, write transcript)", Statistics(sessionTimes)))

        let results = try await SessionBenchmarks.latency(
            team: team,
            latency: .milliseconds(latencyMilliseconds),
            concurrencies: [1, 4, 14]
        )
        let byConcurrency = Dictionary(uniqueKeysWithValues: results.map { ($0.concurrency, $0.milliseconds) })
        let calls = results.first?.calls ?? 0
        print("")
        print("Simulated latency \(latencyMilliseconds) ms per request, \(calls) requests:")
        print("| concurrency | wall | speed-up over 1 |")
        print("|---|---|---|")
        for concurrency in [1, 4, 14] {
            let time = byConcurrency[concurrency] ?? 0
            print("| \(concurrency) | \(format(time)) | \(String(format: "%.1fx", (byConcurrency[1] ?? 0) / time)) |")
        }
    }

    private func row(_ name: String, _ statistics: Statistics) -> String {
        "| \(name) | \(format(statistics.median)) | \(format(statistics.percentile(90))) | \(format(statistics.minimum)) | \(format(statistics.maximum)) |"
    }

    private func processWallTimes(executable: String, root: String, scratch: String) throws -> Statistics {
        var times: [Double] = []
        for index in 0..<runs {
            times.append(
                try ProcessTimer.time(
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
