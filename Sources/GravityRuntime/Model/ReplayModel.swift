import GravityModel

/// Answers requests from a transcript's recorded exchanges, matched by persona, phase and
/// request hash (never by position). A request is a pure function of what came before it, so
/// the same request always gets the same recorded answer, however often it is asked (a draft
/// ahead may ask one that is asked again later). With a fallback model, requests the transcript
/// cannot answer go to the fallback (resuming an interrupted run); without one they are an error.
public final class ReplayModel: LanguageModel {
    private struct Key: Hashable {
        var persona: String
        var phase: Phase
        var hash: String
    }

    private let answers: [Key: ModelResponse]
    private let fallback: (any LanguageModel)?
    public let name: String

    /// Indexes the `model_call` events of `transcript`.
    public convenience init(transcript: Transcript, fallback: (any LanguageModel)? = nil) {
        self.init(header: transcript.header, events: transcript.events.map(EventSkeleton.init), fallback: fallback)
    }

    /// Indexes the `model_call` events among `events`.
    public init(header: TranscriptHeader, events: [EventSkeleton], fallback: (any LanguageModel)? = nil) {
        var index: [Key: ModelResponse] = [:]
        for event in events {
            guard event.type == .modelCall, let call = event.call else { continue }
            let key = Key(persona: call.persona, phase: call.phase, hash: call.requestHash)
            if index[key] == nil { index[key] = ModelResponse(text: call.response, usage: call.usage) }
        }
        self.answers = index
        self.fallback = fallback
        self.name = header.model
    }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let key = Key(persona: request.persona, phase: request.phase, hash: request.hash)
        if let recorded = answers[key] { return recorded }
        guard let fallback else {
            throw ReplayError.unanswerable(
                persona: request.persona,
                phase: request.phase,
                round: request.round,
                task: request.task,
                hash: request.hash
            )
        }
        return try await fallback.complete(request)
    }
}

/// A request a replay could not answer.
public enum ReplayError: Error, CustomStringConvertible, Equatable {
    case unanswerable(persona: String, phase: Phase, round: Int, task: ModelTask, hash: String)

    public var description: String {
        switch self {
        case .unanswerable(let persona, let phase, let round, let task, let hash):
            "the transcript has no recorded answer for \(persona)'s \(task.rawValue) request in the \(phase.rawValue) phase, round \(round) (request \(hash.prefix(12))); "
                + "if the transcript is whole, it was made from other personas, prompts or industry (a custom industry file is given with --industry PATH)"
        }
    }
}
