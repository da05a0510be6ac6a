import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime

/// Times turning a Blueprint into the application's files, in memory and written to disk.
public struct GenerateBenchmark: Sendable {
    /// Industry whose Blueprint (from a mock run, seed 42) is generated.
    public var industry = "ecommerce"

    /// Repetitions.
    public var runs = 50

    /// Directory holding personas/ and industries/.
    public var dataDirectory: String?

    public init() {}

    public func run(say: (String) -> Void) async throws {
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
        say("gravity-team bench generate: \(industry), \(fileCount) files, \(bytes / 1000) kB, \(runs) runs")
        say("| measurement | median | p90 | min |")
        say("|---|---|---|---|")
        for (name, samples) in [("generate (in memory)", generation), ("generate and write every file", written)] {
            let statistics = Statistics(samples)
            say("| \(name) | \(format(statistics.median)) | \(format(statistics.percentile(90))) | \(format(statistics.minimum)) |")
        }
    }
}
