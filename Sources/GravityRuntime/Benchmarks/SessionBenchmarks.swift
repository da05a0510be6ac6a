import Foundation
import GravityModel

/// Whole offline sessions timed in this process: one at a time, with simulated model latency at
/// several concurrencies, and many at once.
public enum SessionBenchmarks {
    public struct Single: Sendable, Codable {
        public var industry: String
        public var wallMilliseconds: Double
        public var modelCalls: Int
        /// The process's resident high-water mark after the run.
        public var peakResidentBytes: Int
    }

    /// One offline `develop` session (mock model, seed 42), deliberation only.
    public static func single(team: Team) async throws -> Single {
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

    /// Wall time of one session with `latency` per model request, at each concurrency.
    public static func latency(
        team: Team,
        latency: Duration,
        concurrencies: [Int]
    ) async throws -> [(concurrency: Int, milliseconds: Double)] {
        var results: [(Int, Double)] = []
        for concurrency in concurrencies {
            let elapsed = try await ContinuousClock().measure {
                _ = try await DevelopmentSession.run(
                    SessionConfiguration(
                        team: team,
                        brief: team.industry.defaultBrief,
                        seed: 42,
                        concurrency: concurrency,
                        model: MockModel(seed: 42, latency: latency)
                    )
                )
            }
            results.append((concurrency, elapsed.milliseconds))
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

    /// Events per second reading, decoding and verifying a synthetic transcript of `events` events.
    public static func replay(events: Int, scratch: String) throws -> (events: Int, milliseconds: Double) {
        let path = "\(scratch)/synthetic.jsonl"
        let written = try SyntheticTranscript.write(events: events, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var best = Double.infinity
        for _ in 0..<3 {
            let elapsed = try ContinuousClock().measure {
                let file = try TranscriptFile(path: path)
                let skeletons = try file.decodeInParallel(EventSkeleton.self)
                if let problem = TranscriptVerifier.firstProblem(in: skeletons) {
                    throw RuntimeError.invalidConfiguration("the synthetic transcript does not verify: \(problem)")
                }
                _ = ReplayModel(header: file.header, events: skeletons)
            }
            best = min(best, elapsed.milliseconds)
        }
        return (written, best)
    }
}
