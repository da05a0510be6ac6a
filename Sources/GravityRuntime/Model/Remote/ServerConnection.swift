import Foundation
import GravitySystem

/// What the Ollama and OpenAI models share: where the server is, the run's seed, and JSON over
/// HTTP with retries reported to `settings.onRetry`.
struct ServerConnection: Sendable {
    let settings: ServerSettings
    let seed: UInt64
    private let http: HTTPExchange

    init(settings: ServerSettings, seed: UInt64) {
        self.settings = settings
        self.seed = seed
        http = HTTPExchange(timeout: settings.timeout, retry: settings.retry)
    }

    /// The seed as the servers take it (a 31-bit integer).
    var seedValue: JSONValue { .number(Double(seed % (1 << 31))) }

    /// The persona's system prompt and the request, as chat messages.
    func messages(_ request: ModelRequest) -> JSONValue {
        .array([
            .object(["role": .string("system"), "content": .string(request.system)]),
            .object(["role": .string("user"), "content": .string(request.prompt)]),
        ])
    }

    func send(_ method: String, _ url: URL, body: JSONValue? = nil) async throws -> JSONValue {
        let hear = settings.onRetry
        return try await http.send(method, url, headers: settings.headers, body: body) { error, wait in
            hear(String(format: "%@; retrying in %.1f s", error.description, wait.seconds))
        }
    }
}
