import ArgumentParser
import Foundation

/// `gravity-bench`: the project's benchmarks. Build with `-c release`; results go to docs/benchmarks.md.
@main
struct GravityBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gravity-bench",
        abstract: "Benchmarks for gravity-team (run with swift run -c release gravity-bench ...).",
        subcommands: [DevelopBenchmark.self, ReplayBenchmark.self, GenerateBenchmark.self, DeployBenchmark.self]
    )
}
