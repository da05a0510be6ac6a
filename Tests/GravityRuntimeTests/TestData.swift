import Foundation
import GravityModel
import GravityRuntime

/// The repository's data and ready-made teams.
enum TestData {
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let industries = ["ecommerce", "healthcare", "finance", "education", "general"]

    static func team(_ industry: String) throws -> Team {
        let catalog = try Catalog(root: repositoryRoot)
        return try catalog.team(for: catalog.industry(industry))
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-runtime-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs a session with the mock model (or `model`), writing its transcript to `transcript`.
    static func run(
        _ industry: String,
        seed: UInt64 = 42,
        maxRounds: Int = 3,
        concurrency: Int = 14,
        latency: Duration = .zero,
        draftAhead: Bool = true,
        transcript: String? = nil,
        observers: [any BusObserver] = [],
        model: (any LanguageModel)? = nil
    ) async throws -> SessionResult {
        let team = try team(industry)
        var all = observers
        let writer = try transcript.map { try TranscriptWriter(path: $0, rank: { team.rank(of: $0) }) }
        if let writer { all.append(writer) }
        defer { writer?.close() }
        let configuration = SessionConfiguration(
            team: team,
            brief: team.industry.defaultBrief,
            seed: seed,
            maxRounds: maxRounds,
            concurrency: concurrency,
            model: model ?? MockModel(seed: seed, latency: latency),
            draftAhead: draftAhead
        )
        return try await DevelopmentSession.run(configuration, observers: all)
    }
}

/// Collects every envelope it sees.
final class RecordingObserver: BusObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var envelopes: [Envelope] = []

    func observe(_ envelope: Envelope) {
        lock.lock()
        envelopes.append(envelope)
        lock.unlock()
    }

    var seen: [Envelope] {
        lock.lock()
        defer { lock.unlock() }
        return envelopes
    }
}
