import Foundation
import GravityRuntime
import GravityModel
import GravitySystem

/// Whole offline sessions timed in this process: one at a time, with simulated model latency at
/// several concurrencies, and many at once.
public enum SessionBenchmarks {
    public struct Single: Sendable, Codable {
        public var industry: String
        public var wallMilliseconds: Double
        public var modelCalls: Int
        /// The process's resident high-water mark during the run (reset before it where Linux allows,
        /// so that earlier scenarios in the same process do not count).
        public var peakResidentBytes: Int
    }

    /// One offline `develop` session (mock model, seed 42), deliberation only.
    public static func single(team: Team) async throws -> Single {
        ProcessMemory.releaseFreed()
        ProcessMemory.resetPeak()
        let clock = ContinuousClock()
        var calls = 0
        let elapsed = try await clock.measure {
            let result = try await DevelopmentSession.run(
                SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: 42, model: MockModel(seed: 42))
            )
            calls = result.summary.modelCalls
        }
        return Single(
            industry: team.industry.id,
            wallMilliseconds: elapsed.milliseconds,
            modelCalls: calls,
            peakResidentBytes: ProcessMemory.peak
        )
    }

    /// Wall time (and model calls) of one session with `latency` per model request, at each concurrency.
    public static func latency(
        team: Team,
        latency: Duration,
        concurrencies: [Int]
    ) async throws
        -> [(concurrency: Int, milliseconds: Double, calls: Int)]
    {
        var results: [(Int, Double, Int)] = []
        for concurrency in concurrencies {
            var calls = 0
            let elapsed = try await ContinuousClock().measure {
                calls = try await DevelopmentSession.run(
                    SessionConfiguration(
                        team: team,
                        brief: team.industry.defaultBrief,
                        seed: 42,
                        concurrency: concurrency,
                        model: MockModel(seed: 42, latency: latency)
                    )
                ).summary.modelCalls
            }
            results.append((concurrency, elapsed.milliseconds, calls))
        }
        return results
    }

    public struct Scale: Sendable, Codable {
        public var sessions: Int
        public var wallMilliseconds: Double
        public var sessionsPerSecond: Double
        /// Growth of resident memory at its peak during the run, per session.
        public var bytesPerSession: Double
    }

    /// `count` sessions at once in this process, each with its own bus and personas.
    public static func scale(team: Team, sessions count: Int) async throws -> Scale {
        // Memory freed by earlier work (a bus benchmark frees hundreds of megabytes) stays resident
        // in the allocator, and sessions reusing it would look free; hand it back first.
        ProcessMemory.releaseFreed()
        let baseline = ProcessMemory.resident
        let sampler = Task {
            var highest = baseline
            while !Task.isCancelled {
                highest = max(highest, ProcessMemory.resident)
                try? await Task.sleep(for: .milliseconds(5))
            }
            return highest
        }
        let elapsed = try await ContinuousClock().measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<count {
                    group.addTask {
                        _ = try await DevelopmentSession.run(
                            SessionConfiguration(
                                team: team,
                                brief: team.industry.defaultBrief,
                                seed: UInt64(index),
                                model: MockModel(seed: UInt64(index))
                            )
                        )
                    }
                }
                try await group.waitForAll()
            }
        }
        sampler.cancel()
        let highest = max(await sampler.value, ProcessMemory.resident)
        return Scale(
            sessions: count,
            wallMilliseconds: elapsed.milliseconds,
            sessionsPerSecond: Double(count) / (elapsed.milliseconds / 1000),
            bytesPerSession: Double(max(0, highest - baseline)) / Double(count)
        )
    }

    /// Milliseconds of each step of checking a transcript for replay: reading and decoding it, verifying
    /// its consistency, and indexing its answers.
    public static func timeVerification(of path: String) throws -> (read: Double, verify: Double, index: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let file = try TranscriptFile(path: path)
        let skeletons = try file.decodeInParallel(EventSkeleton.self)
        let read = clock.now - start
        var problem: TranscriptVerifier.Problem?
        let verify = clock.measure { problem = TranscriptVerifier.firstProblem(in: skeletons, of: file) }
        if let problem { throw TranscriptError.doesNotVerify(path: path, problem: "\(problem)") }
        let index = clock.measure { _ = ReplayModel(header: file.header, events: skeletons) }
        return (read.milliseconds, verify.milliseconds, index.milliseconds)
    }

    /// Events per second reading, decoding and verifying a synthetic transcript of `events` events
    /// (best of three).
    public static func replay(events: Int, scratch: String) throws -> (events: Int, milliseconds: Double) {
        let path = "\(scratch)/synthetic.jsonl"
        let written = try SyntheticTranscript.write(events: events, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var best = Double.infinity
        for _ in 0..<3 {
            let steps = try timeVerification(of: path)
            best = min(best, steps.read + steps.verify + steps.index)
        }
        return (written, best)
    }
}
