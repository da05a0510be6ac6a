import GravityModel

/// The built-in model: a deterministic, seeded, rule-based expert. A lead drafts from the
/// industry file and the decisions so far (a first draft may leave things out, depending on
/// the seed); a reviewer checks the proposal against its own concerns and the industry's
/// compliance checklist and votes with a reason that names what is missing.
public struct MockModel: LanguageModel {
    public let seed: UInt64
    /// Simulated time per request, to show how reviews overlap.
    public let latency: Duration
    /// Chance that a first draft leaves out an item the lead does not itself check.
    public let omissionRate: Double

    public init(seed: UInt64, latency: Duration = .zero, omissionRate: Double = 0.12) {
        self.seed = seed
        self.latency = latency
        self.omissionRate = omissionRate
    }

    public var name: String { "mock" }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        if latency > .zero { try await Task.sleep(for: latency) }
        let text: String
        switch request.task {
        case .propose, .revise:
            text = try CanonicalJSON.string(MockDrafting(seed: seed, omissionRate: omissionRate).answer(request))
        case .review:
            text = try CanonicalJSON.string(MockReviewing(seed: seed).answer(request))
        case .arbitrate:
            text = try CanonicalJSON.string(Self.arbitrate(request.context.rounds, phase: request.phase))
        case .draftIndustry:
            // The mock model has no domain of its own: it gives back the industry it was shown.
            text = try CanonicalJSON.string(request.context.industry)
        }
        return ModelResponse(text: text, usage: .estimate(prompt: request.system + request.prompt, completion: text))
    }

    /// Adopts the round with the best weighted average; on a tie, the later (more revised) one.
    static func arbitrate(_ rounds: [RoundRecord], phase: Phase) -> ArbitrationAnswer {
        guard let best = rounds.max(by: { ($0.tally.average, $0.round) < ($1.tally.average, $1.round) }) else {
            return ArbitrationAnswer(adoptRound: 1, rationale: "No rounds to choose from.")
        }
        let open = best.votes.filter { $0.option.dissents }.map(\.voter)
        let dissentNote = open.isEmpty ? "no recorded dissent" : "dissent recorded from \(open.joined(separator: ", "))"
        return ArbitrationAnswer(
            adoptRound: best.round,
            rationale: "No round reached approval; adopting round \(best.round) of the \(phase.rawValue) phase, which had the "
                + "best weighted average (\(best.tally.average)), so the project can proceed; \(dissentNote)."
        )
    }
}
