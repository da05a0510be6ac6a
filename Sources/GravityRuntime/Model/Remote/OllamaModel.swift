import Foundation

/// A model served by Ollama: `POST /api/chat` with the answer's JSON schema as `format`, no
/// streaming, temperature 0 and the run's seed, so a run is as repeatable as the model allows.
public struct OllamaModel: LanguageModel {
    private let connection: ServerConnection

    public init(settings: ServerSettings, seed: UInt64) {
        connection = ServerConnection(settings: settings, seed: seed)
    }

    public var settings: ServerSettings { connection.settings }
    public var name: String { settings.label }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let body: JSONValue = .object([
            "model": .string(settings.modelName),
            "stream": .bool(false),
            "format": try AnswerSchemas.make(for: request),
            "options": .object(["temperature": .number(0), "seed": connection.seedValue]),
            "messages": connection.messages(request),
        ])
        let url = settings.endpoint("/api/chat")
        let answer = try await connection.send("POST", url, body: body)
        guard let text = answer["message"]?["content"]?.string else {
            throw ModelServerError.malformed(url: url.absoluteString, problem: "no message.content in the answer")
        }
        let usage = TokenUsage(prompt: answer["prompt_eval_count"]?.int ?? 0, completion: answer["eval_count"]?.int ?? 0)
        return ModelResponse(
            text: text,
            usage: usage.total > 0 ? usage : .estimate(prompt: request.system + request.prompt, completion: text)
        )
    }

    /// The models the server has (`GET /api/tags`).
    public func available() async throws -> [String] {
        let answer = try await connection.send("GET", settings.endpoint("/api/tags"))
        guard case .array(let models)? = answer["models"] else {
            throw ModelServerError.malformed(url: settings.endpoint("/api/tags").absoluteString, problem: "no models list")
        }
        return models.compactMap { $0["name"]?.string ?? $0["model"]?.string }.sorted()
    }
}
