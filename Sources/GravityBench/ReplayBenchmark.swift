import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime

/// Times replaying a reference transcript against the run that recorded it, and reading and
/// verifying a large synthetic transcript.
struct ReplayBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Time replay --verify against develop, and verification of a 100,000-event transcript."
    )

    @Option(help: "Industry whose reference transcript (transcripts/<industry>.jsonl) is replayed.")
    var industry = "ecommerce"

    @Option(help: "Runs of each command.")
    var runs = 10

    @Option(help: "Events in the synthetic transcript.")
    var events = 100_000

    @Option(name: .customLong("keep-synthetic"), help: "Keep the synthetic transcript at this path.")
    var keepSynthetic: String?

    @Option(help: "Path to the gravity-team binary (default: next to gravity-bench).")
    var binary: String?

    @Option(name: .customLong("data-dir"), help: "Directory holding personas/, industries/ and transcripts/.")
    var dataDirectory: String?

    func run() async throws {
        let root = try DataDirectory.locate(explicit: dataDirectory)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let executable =
            binary
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("gravity-team").path
        let reference = "\(root)/transcripts/\(industry).jsonl"

        var develop: [Double] = []
        var replay: [Double] = []
        for index in 0..<runs {
            develop.append(
                try ProcessTimer.time(
                    executable,
                    [
                        "develop", "--industry", industry, "--seed", "42", "--out", "\(scratch)/d\(index)", "--json", "--data-dir", root,
                        "--no-verify",
                        "--history", "\(scratch)/h.sqlite",
                    ]
                )
            )
            replay.append(
                try ProcessTimer.time(
                    executable,
                    [
                        "replay", reference, "--verify", "--out", "\(scratch)/r\(index)", "--json", "--data-dir", root,
                        "--history", "\(scratch)/h.sqlite",
                    ]
                )
            )
        }
        print(
            "gravity-bench replay: \(industry) reference transcript, \(runs) runs each, \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )
        print("| command | median | p90 | min |")
        print("|---|---|---|---|")
        for (name, samples) in [("`develop` (records the transcript)", develop), ("`replay --verify` (no model, byte comparison)", replay)]
        {
            let statistics = Statistics(samples)
            print("| \(name) | \(format(statistics.median)) | \(format(statistics.percentile(90))) | \(format(statistics.minimum)) |")
        }
        print("")

        let path = keepSynthetic ?? "\(scratch)/synthetic.jsonl"
        let written = try SyntheticTranscript.write(events: events, to: path)
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var samples: [(read: Double, verify: Double, index: Double)] = []
        for _ in 0..<5 {
            samples.append(try SessionBenchmarks.timeVerification(of: path))
        }
        let total = Statistics(samples.map { $0.read + $0.verify + $0.index })
        print("Synthetic transcript: \(written) events, \(bytes / 1_000_000) MB, median of \(samples.count) passes")
        print("| step | median | events/s |")
        print("|---|---|---|")
        for (name, values) in [
            ("read and decode", samples.map(\.read)), ("verify consistency", samples.map(\.verify)),
            ("index answers for replay", samples.map(\.index)),
        ] {
            let median = Statistics(values).median
            print("| \(name) | \(format(median)) | \(Int(Double(written) / median * 1000)) |")
        }
        print("| all | \(format(total.median)) | \(Int(Double(written) / total.median * 1000)) |")
    }
}

/// Runs a command to completion and returns its wall time in milliseconds.
enum ProcessTimer {
    static func time(_ executable: String, _ arguments: [String]) throws -> Double {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("\(executable) is not an executable; build it with swift build -c release or pass --binary")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(executable) \(arguments.first ?? "") exited with status \(process.terminationStatus)")
        }
        return elapsed.milliseconds
    }
}
