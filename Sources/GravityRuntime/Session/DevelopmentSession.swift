import GravityModel

/// Runs one development session: the team's actors on a bus, the moderator through the eight
/// phases, and the observers (progress, transcript) watching every message.
/// Writes the files a run produces from its Blueprint and decisions, and returns their digests
/// so that the transcript records them.
public typealias ArtifactProducer = @Sendable (Blueprint, [Decision]) async throws -> [ArtifactDigest]

public enum DevelopmentSession {
    /// Runs the session to the end, or throws the first failure.
    /// - Parameter produce: called once the eight phases are decided, before the run ends.
    public static func run(
        _ configuration: SessionConfiguration,
        observers: [any BusObserver] = [],
        producing produce: ArtifactProducer? = nil
    ) async throws -> SessionResult {
        guard configuration.maxRounds >= 1 else { throw RuntimeError.settingTooLow(setting: "max rounds", minimum: 1) }
        guard configuration.concurrency >= 1 else { throw RuntimeError.settingTooLow(setting: "concurrency", minimum: 1) }
        let clock = ContinuousClock()
        let start = clock.now
        let bus = MessageBus(observers: observers)
        let limiter = ConcurrencyLimiter(limit: configuration.concurrency)
        let inbox = await bus.subscribe(Moderator.id)
        var agents: [PersonaAgent] = []
        for member in configuration.team.members {
            agents.append(
                await PersonaAgent(
                    persona: member,
                    industry: configuration.team.industry,
                    prompts: configuration.team.prompts,
                    bus: bus,
                    model: configuration.model,
                    limiter: limiter
                )
            )
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for agent in agents { group.addTask { await agent.run() } }
            var moderator = Moderator(configuration: configuration, bus: bus, inbox: inbox)
            do {
                let (blueprint, decisions, artifacts, summary) = try await moderator.run(producing: produce)
                await bus.close()
                try await group.waitForAll()
                return SessionResult(
                    blueprint: blueprint,
                    decisions: decisions,
                    artifacts: artifacts,
                    summary: summary,
                    elapsed: clock.now - start,
                    peakConcurrency: await limiter.peak
                )
            } catch {
                group.cancelAll()
                await bus.close()
                throw error
            }
        }
    }
}
