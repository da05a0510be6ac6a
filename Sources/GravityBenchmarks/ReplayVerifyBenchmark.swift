import Foundation
import GravityModel
import GravityRuntime

/// Times replaying a reference transcript against the run that recorded it, and reading and
/// verifying a large synthetic transcript.
public struct ReplayVerifyBenchmark: Sendable {
    /// Industry whose reference transcript (transcripts/<industry>.jsonl) is replayed.
    public var industry = "ecommerce"

    /// Runs of each command.
    public var runs = 10

    /// Events in the synthetic transcript.
    public var events = 100_000

    /// Keep the synthetic transcript at this path.
    public var keepSynthetic: String?

    /// The gravity-team program whose commands are timed.
    public var binary: String

    /// Directory holding personas/, industries/ and transcripts/.
    public var dataDirectory: String?

    public init(binary: String) { self.binary = binary }

    public func run(say: (String) -> Void) async throws {
        let root = try DataDirectory.locate(explicit: dataDirectory)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let executable = binary
        let reference = "\(root)/transcripts/\(industry).jsonl"

        var develop: [Double] = []
        var replay: [Double] = []
        for index in 0..<runs {
            develop.append(
                try await ProcessTimer.time(
                    executable,
                    [
                        "develop", "--industry", industry, "--seed", "42", "--out", "\(scratch)/d\(index)", "--json", "--data-dir", root,
                        "--no-verify",
                        "--history", "\(scratch)/h.sqlite",
                    ]
                )
            )
            replay.append(
                try await ProcessTimer.time(
                    executable,
                    [
                        "replay", reference, "--verify", "--out", "\(scratch)/r\(index)", "--json", "--data-dir", root,
                        "--history", "\(scratch)/h.sqlite",
                    ]
                )
            )
        }
        say(
            "gravity-team bench replay-verify: \(industry) reference transcript, \(runs) runs each, \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )
        say("| command | median | p90 | min |")
        say("|---|---|---|---|")
        for (name, samples) in [("`develop` (records the transcript)", develop), ("`replay --verify` (no model, byte comparison)", replay)]
        {
            let statistics = Statistics(samples)
            say("| \(name) | \(format(statistics.median)) | \(format(statistics.percentile(90))) | \(format(statistics.minimum)) |")
        }
        say("")

        let path = keepSynthetic ?? "\(scratch)/synthetic.jsonl"
        let written = try SyntheticTranscript.write(events: events, to: path)
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var samples: [(read: Double, verify: Double, index: Double)] = []
        for _ in 0..<5 {
            samples.append(try SessionBenchmarks.timeVerification(of: path))
        }
        let total = Statistics(samples.map { $0.read + $0.verify + $0.index })
        say("Synthetic transcript: \(written) events, \(bytes / 1_000_000) MB, median of \(samples.count) passes")
        say("| step | median | events/s |")
        say("|---|---|---|")
        for (name, values) in [
            ("read and decode", samples.map(\.read)), ("verify consistency", samples.map(\.verify)),
            ("index answers for replay", samples.map(\.index)),
        ] {
            let median = Statistics(values).median
            say("| \(name) | \(format(median)) | \(Int(Double(written) / median * 1000)) |")
        }
        say("| all | \(format(total.median)) | \(Int(Double(written) / total.median * 1000)) |")
    }
}
