import ArgumentParser
import GravityRuntime

/// The numeric settings of a run, parsed with messages that name the option and value.
struct SessionSettings {
    var seed: UInt64
    var maxRounds: Int
    var concurrency: Int
    var mockLatencyMilliseconds: Int

    static func parse(seed: String?, maxRounds: String?, concurrency: String, mockLatency: String) throws -> SessionSettings {
        let seedText = seed ?? "42"
        guard let seed = UInt64(seedText) else {
            throw ValidationError("invalid --seed '\(seedText)': expected a whole number from 0 to \(UInt64.max)")
        }
        let roundsText = maxRounds ?? "3"
        let range = TranscriptHeader.roundsRange
        guard let rounds = Int(roundsText), range.contains(rounds) else {
            throw ValidationError("invalid --max-rounds '\(roundsText)': expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        guard let parallel = Int(concurrency), (1...64).contains(parallel) else {
            throw ValidationError("invalid --concurrency '\(concurrency)': expected a whole number from 1 to 64")
        }
        guard let latency = Int(mockLatency), (0...60_000).contains(latency) else {
            throw ValidationError("invalid --mock-latency-ms '\(mockLatency)': expected a whole number from 0 to 60000")
        }
        return SessionSettings(seed: seed, maxRounds: rounds, concurrency: parallel, mockLatencyMilliseconds: latency)
    }
}
