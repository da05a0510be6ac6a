import Foundation

/// A model behind any server that speaks OpenAI's chat-completions protocol (OpenAI, vLLM,
/// llama.cpp server, LM Studio ...): `POST /chat/completions` under OPENAI_BASE_URL with a
/// `json_schema` response format.
public struct OpenAIModel: LanguageModel {
    private let connection: ServerConnection

    public init(settings: ServerSettings, seed: UInt64) {
        connection = ServerConnection(settings: settings, seed: seed)
    }

    public var settings: ServerSettings { connection.settings }
    public var name: String { settings.label }

    /// `.../v1` plus the path; a base URL without `/v1` gets it added.
    func url(_ path: String) -> URL {
        settings.endpoint(settings.baseURL.path.hasSuffix("/v1") || settings.baseURL.path.hasSuffix("/v1/") ? path : "/v1" + path)
    }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let body: JSONValue = .object([
            "model": .string(settings.modelName),
            "temperature": .number(0),
            "seed": connection.seedValue,
            "response_format": .object([
                "type": .string("json_schema"),
                "json_schema": .object([
                    "name": .string(request.schema.replacingOccurrences(of: ".", with: "_")),
                    "schema": try AnswerSchemas.make(for: request),
                ]),
            ]),
            "messages": connection.messages(request),
        ])
        let endpoint = url("/chat/completions")
        let answer = try await connection.send("POST", endpoint, body: body)
        guard case .array(let choices)? = answer["choices"], let text = choices.first?["message"]?["content"]?.string else {
            throw ModelServerError.malformed(url: endpoint.absoluteString, problem: "no choices[0].message.content in the answer")
        }
        let usage = TokenUsage(
            prompt: answer["usage"]?["prompt_tokens"]?.int ?? 0,
            completion: answer["usage"]?["completion_tokens"]?.int ?? 0
        )
        return ModelResponse(
            text: text,
            usage: usage.total > 0 ? usage : .estimate(prompt: request.system + request.prompt, completion: text)
        )
    }

    /// The models the server offers (`GET /v1/models`).
    public func available() async throws -> [String] {
        let endpoint = url("/models")
        let answer = try await connection.send("GET", endpoint)
        guard case .array(let models)? = answer["data"] else {
            throw ModelServerError.malformed(url: endpoint.absoluteString, problem: "no data list")
        }
        return models.compactMap { $0["id"]?.string }.sorted()
    }
}
