import ArgumentParser
import Foundation
import GravityBenchmarks

/// `gravity-team bench develop`: a full offline develop, the program end to end and the session in process.
struct DevelopBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "develop", abstract: "Time a full offline develop and show that reviews run concurrently.")

    @Option(help: "Industry to develop.")
    var industry = "ecommerce"

    @Option(help: "Runs of the program and of the in-process session.")
    var runs = 20

    @Option(name: .customLong("latency-ms"), help: "Simulated model latency per request for the concurrency comparison.")
    var latencyMilliseconds = 100

    @Option(help: "The gravity-team program to time (default: this one).")
    var binary: String?

    @OptionGroup var data: DataOptions

    func run() async throws {
        var benchmark = DevelopBenchmark(binary: try binary ?? ThisProgram.path())
        benchmark.industry = industry
        benchmark.runs = runs
        benchmark.latencyMilliseconds = latencyMilliseconds
        benchmark.dataDirectory = data.dataDirectory
        try await benchmark.run { print($0) }
    }
}

/// `gravity-team bench replay-verify`: `replay --verify` against `develop`, and a large synthetic transcript verified.
struct ReplayVerifyBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay-verify", abstract: "Time replay --verify against develop, and verification of a 100,000-event transcript."
    )

    @Option(help: "Industry whose reference transcript (transcripts/<industry>.jsonl) is replayed.")
    var industry = "ecommerce"

    @Option(help: "Runs of each command.")
    var runs = 10

    @Option(help: "Events in the synthetic transcript.")
    var events = 100_000

    @Option(name: .customLong("keep-synthetic"), help: "Keep the synthetic transcript at this path.")
    var keepSynthetic: String?

    @Option(help: "The gravity-team program to time (default: this one).")
    var binary: String?

    @OptionGroup var data: DataOptions

    func run() async throws {
        var benchmark = ReplayVerifyBenchmark(binary: try binary ?? ThisProgram.path())
        benchmark.industry = industry
        benchmark.runs = runs
        benchmark.events = events
        benchmark.keepSynthetic = keepSynthetic
        benchmark.dataDirectory = data.dataDirectory
        try await benchmark.run { print($0) }
    }
}

/// `gravity-team bench generate`: a Blueprint into the application's files.
struct GenerateBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Time generating an application from its Blueprint.")

    @Option(help: "Industry whose Blueprint (from a mock run, seed 42) is generated.")
    var industry = "ecommerce"

    @Option(help: "Repetitions.")
    var runs = 50

    @OptionGroup var data: DataOptions

    func run() async throws {
        var benchmark = GenerateBenchmark()
        benchmark.industry = industry
        benchmark.runs = runs
        benchmark.dataDirectory = data.dataDirectory
        try await benchmark.run { print($0) }
    }
}

/// `gravity-team bench deploy`: a local deploy until every service is healthy.
struct DeployBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deploy", abstract: "Time a local deploy of a generated app until all services are healthy.")

    @Option(help: "Industry of the app (generated from a mock run, seed 42).")
    var industry = "ecommerce"

    @Option(help: "Repetitions of each measurement.")
    var runs = 5

    @Option(name: .customLong("gravity-team"), help: "The gravity-team program that runs the supervisor (default: this one).")
    var program: String?

    @OptionGroup var data: DataOptions

    func run() async throws {
        var benchmark = DeployBenchmark(program: try program ?? ThisProgram.path())
        benchmark.industry = industry
        benchmark.runs = runs
        benchmark.dataDirectory = data.dataDirectory
        try await benchmark.run { print($0) }
    }
}

/// `gravity-team bench app`: the generated app under load through its gateway, beside a hand-written service.
struct AppBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Load-test the generated app through its gateway with Locust, beside a hand-written FastAPI service (bench/app)."
    )

    @Option(help: "Industry of the app (generated from a mock run, seed 42).")
    var industry = "ecommerce"

    @Option(help: "The entity whose table is loaded and driven (default: the first readable without signing in that refers to another).")
    var entity: String?

    @Option(parsing: .unconditional, help: "Rows in that table.")
    var rows = 10_000

    @Option(parsing: .unconditional, help: "Concurrent clients.")
    var clients = 20

    @Option(parsing: .unconditional, help: "Seconds per workload.")
    var seconds = 15

    @Option(help: "Workloads, comma separated: list, get, filtered, search, create, mixed (default: all).")
    var workloads: String?

    @Option(name: .customLong("gravity-team"), help: "The gravity-team program that runs the supervisor (default: this one).")
    var program: String?

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        try CountOptions.check(["--rows": rows, "--clients": clients, "--seconds": seconds])
        let known = ["list", "get", "filtered", "search", "create", "mixed"]
        for workload in chosenWorkloads where !known.contains(workload) {
            throw ValidationError("unknown workload '\(workload)': expected \(known.joined(separator: ", "))")
        }
    }

    private var chosenWorkloads: [String] {
        workloads.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? ["list", "get", "filtered", "search", "create", "mixed"]
    }

    func run() async throws {
        var benchmark = AppBenchmark(program: try program ?? ThisProgram.path())
        benchmark.industry = industry
        benchmark.entity = entity
        benchmark.rows = rows
        benchmark.clients = clients
        benchmark.seconds = seconds
        benchmark.scenarios = chosenWorkloads
        benchmark.dataDirectory = data.dataDirectory
        let json = self.json
        let report = try await benchmark.run { if !json { print($0) } }
        if json {
            try printJSON(report)
        } else {
            print("")
            print(report.table)
        }
    }
}
