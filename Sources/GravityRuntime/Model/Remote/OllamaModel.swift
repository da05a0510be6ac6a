import Foundation

/// A model served by Ollama: `POST /api/chat` with the answer's JSON schema as `format`, no
/// streaming, temperature 0 and the run's seed, so a run is as repeatable as the model allows.
public struct OllamaModel: LanguageModel {
    public let settings: ServerSettings
    public let seed: UInt64
    private let http: HTTPExchange

    public init(settings: ServerSettings, seed: UInt64) {
        self.settings = settings
        self.seed = seed
        http = HTTPExchange(timeout: settings.timeout, retry: settings.retry)
    }

    public var name: String { settings.label }

    private var report: @Sendable (ModelServerError, Duration) -> Void {
        let hear = settings.onRetry
        return { error, wait in hear(String(format: "%@; retrying in %.1f s", error.description, wait.seconds)) }
    }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let body: JSONValue = .object([
            "model": .string(settings.modelName),
            "stream": .bool(false),
            "format": try await AnswerSchema.make(for: request),
            "options": .object(["temperature": .number(0), "seed": .number(Double(seed % (1 << 31)))]),
            "messages": .array([
                .object(["role": .string("system"), "content": .string(request.system)]),
                .object(["role": .string("user"), "content": .string(request.prompt)]),
            ]),
        ])
        let url = settings.endpoint("/api/chat")
        let answer = try await http.send("POST", url, headers: settings.headers, body: body, onRetry: report)
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
        let answer = try await http.send("GET", settings.endpoint("/api/tags"), headers: settings.headers, onRetry: report)
        guard case .array(let models)? = answer["models"] else {
            throw ModelServerError.malformed(url: settings.endpoint("/api/tags").absoluteString, problem: "no models list")
        }
        return models.compactMap { $0["name"]?.string ?? $0["model"]?.string }.sorted()
    }
}
