import ArgumentParser
import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime

/// Times turning a Blueprint into the application's files, in memory and written to disk.
struct GenerateBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Time generating an application from its Blueprint.")

    @Option(help: "Industry whose Blueprint (from a mock run, seed 42) is generated.")
    var industry = "ecommerce"

    @Option(help: "Repetitions.")
    var runs = 50

    @Option(name: .customLong("data-dir"), help: "Directory holding personas/ and industries/.")
    var dataDirectory: String?

    func run() async throws {
        let catalog = try Catalog(root: DataDirectory.locate(explicit: dataDirectory))
        let team = try catalog.team(for: catalog.industry(industry))
        let session = try await DevelopmentSession.run(
            SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: 42, model: MockModel(seed: 42))
        )
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var generation: [Double] = []
        var written: [Double] = []
        var fileCount = 0
        var bytes = 0
        for index in 0..<runs {
            let clock = ContinuousClock()
            var files: [GeneratedFile] = []
            generation.append(
                try clock.measure {
                    files = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions, team: team)
                }.milliseconds
            )
            let output = try OutputDirectory(path: "\(scratch)/run-\(index)")
            written.append(
                try clock.measure {
                    for file in try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions, team: team) {
                        try output.write(Data(file.contents.utf8), to: file.path, mode: file.mode)
                    }
                }.milliseconds
            )
            fileCount = files.count
            bytes = files.reduce(0) { $0 + $1.contents.utf8.count }
        }
        print("gravity-bench generate: \(industry), \(fileCount) files, \(bytes / 1000) kB, \(runs) runs")
        print("| measurement | median | p90 | min |")
        print("|---|---|---|---|")
        for (name, samples) in [("generate (in memory)", generation), ("generate and write every file", written)] {
            let statistics = Statistics(samples)
            print("| \(name) | \(format(statistics.median)) | \(format(statistics.percentile(90))) | \(format(statistics.minimum)) |")
        }
    }
}
