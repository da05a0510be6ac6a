/// Anything that can answer persona requests: the mock model, a replay of a transcript, or a
/// real model server.
public protocol LanguageModel: Sendable {
    /// A description for transcript headers and summaries, e.g. `mock` or `ollama:llama3.1`.
    var name: String { get }

    /// Answers one request.
    func complete(_ request: ModelRequest) async throws -> ModelResponse
}
