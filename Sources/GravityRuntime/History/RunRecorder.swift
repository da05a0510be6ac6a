import Foundation
import GravityModel
import Synchronization

/// Watches a run for what the history keeps but transcripts must not: wall-clock times. Also
/// counts model usage per phase and collects the votes.
public final class RunRecorder: BusObserver {
    private struct PhaseUsage {
        var started: ContinuousClock.Instant
        var ended: ContinuousClock.Instant?
        var calls = 0
        var tokens = TokenUsage.zero
    }

    private struct State {
        var phases: [Phase: PhaseUsage] = [:]
        var current: Phase?
        /// The last phase that ended, while none is under way.
        var finished: Phase?
        var votes: [VoteRecord] = []
        var personas: [String: (calls: Int, tokens: TokenUsage)] = [:]
    }

    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let startDate: Date
    private let state = Mutex(State())

    public init() {
        started = clock.now
        startDate = Date()
    }

    /// Where the run is, for a run interrupted now: "during the backend phase", "after the security
    /// phase" (between two), or "before the first phase".
    public var stage: String {
        state.withLock { state in
            if let current = state.current { return "during the \(current.rawValue) phase" }
            return state.finished.map { "after the \($0.rawValue) phase" } ?? "before the first phase"
        }
    }

    /// Tokens per phase and per persona so far, for the summary.
    public var usage: UsageBreakdown {
        state.withLock { state in
            UsageBreakdown(
                phases: Phase.allCases.compactMap { phase in state.phases[phase].map { (phase.rawValue, $0.calls, $0.tokens) } },
                personas: state.personas.map { ($0.key, $0.value.calls, $0.value.tokens) }
                    .sorted { ($0.2.total, $1.0) > ($1.2.total, $0.0) }
            )
        }
    }

    public func observe(_ envelope: Envelope) {
        let now = clock.now
        state.withLock { state in
            switch envelope.message {
            case .phaseStarted(let phase, _):
                state.phases[phase] = PhaseUsage(started: now)
                state.current = phase
            case .phaseEnded(let phase):
                state.phases[phase]?.ended = now
                state.current = nil
                state.finished = phase
            case .modelExchanged(let exchange):
                let persona = state.personas[exchange.persona] ?? (0, .zero)
                state.personas[exchange.persona] = (persona.calls + 1, persona.tokens + exchange.usage)
                if var usage = state.phases[exchange.phase] {
                    usage.calls += 1
                    usage.tokens = usage.tokens + exchange.usage
                    state.phases[exchange.phase] = usage
                }
            case .voted(let phase, let round, let vote):
                state.votes.append(
                    VoteRecord(
                        runID: 0,
                        phase: phase.rawValue,
                        round: round,
                        voter: vote.voter,
                        option: vote.option.rawValue,
                        weight: vote.weight,
                        missing: vote.missing.joined(separator: ","),
                        abstained: vote.abstained
                    )
                )
            default:
                break
            }
        }
    }

    /// The history rows for a run that ended (with `result`) or failed (with `failure`).
    public func records(
        command: String,
        configuration: SessionConfiguration,
        transcript: String,
        output: String,
        result: SessionResult?,
        failure: (any Error)?,
        cost: (TokenUsage) -> Double? = { _ in nil }
    ) -> RunRecords {
        let elapsed = clock.now - started
        return state.withLock { state in
            let summaries = Dictionary(uniqueKeysWithValues: (result?.summary.phases ?? []).map { ($0.phase, $0) })
            var phases: [PhaseRecord] = []
            for phase in Phase.allCases {
                guard let usage = state.phases[phase], let summary = summaries[phase] else { continue }
                phases.append(
                    PhaseRecord(
                        runID: 0,
                        position: phase.number,
                        phase: phase.rawValue,
                        lead: summary.lead,
                        outcome: summary.outcome.rawValue,
                        resolution: summary.resolution.rawValue,
                        decidedBy: summary.decidedBy,
                        rounds: summary.rounds,
                        average: summary.average,
                        support: summary.support,
                        modelCalls: usage.calls,
                        promptTokens: usage.tokens.prompt,
                        completionTokens: usage.tokens.completion,
                        durationMilliseconds: ((usage.ended ?? usage.started) - usage.started).milliseconds
                    )
                )
            }
            let tokens = state.phases.values.reduce(TokenUsage.zero) { $0 + $1.tokens }
            let run = RunRecord(
                id: nil,
                startedAt: startDate,
                durationMilliseconds: elapsed.milliseconds,
                command: command,
                industry: configuration.team.industry.id,
                brief: configuration.brief,
                seed: String(configuration.seed),
                model: configuration.model.name,
                maxRounds: configuration.maxRounds,
                concurrency: configuration.concurrency,
                status: failure == nil ? "completed" : failure is RunInterrupted ? "interrupted" : "failed",
                failure: failure.map { "\($0)" },
                transcript: transcript,
                output: output,
                blueprintDigest: result?.summary.blueprintDigest,
                modelCalls: state.phases.values.reduce(0) { $0 + $1.calls },
                promptTokens: tokens.prompt,
                completionTokens: tokens.completion,
                estimatedCost: cost(tokens)
            )
            let personas = state.personas.keys.sorted().map { name in
                let usage = state.personas[name]!
                return PersonaUsageRecord(
                    runID: 0,
                    persona: name,
                    calls: usage.calls,
                    promptTokens: usage.tokens.prompt,
                    completionTokens: usage.tokens.completion
                )
            }
            return RunRecords(run: run, phases: phases, votes: state.votes, personas: personas)
        }
    }
}
