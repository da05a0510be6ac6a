import Foundation

/// Which model answers the personas, and where its server is.
public enum ModelProvider: String, Sendable, CaseIterable {
    case mock, ollama, openai

    /// The environment variables that choose it: GRAVITY_MODEL and GRAVITY_MODEL_NAME.
    public static let providerVariable = "GRAVITY_MODEL"
    public static let nameVariable = "GRAVITY_MODEL_NAME"

    /// The model used when none is named.
    public var defaultModelName: String {
        switch self {
        case .mock: "mock"
        case .ollama: "llama3.1"
        case .openai: "gpt-4o-mini"
        }
    }
}

/// Where a model server is and how to reach it. The API key comes from the environment only and is
/// never part of a description, a transcript or the run history.
public struct ServerSettings: Sendable {
    public var provider: ModelProvider
    public var baseURL: URL
    public var modelName: String
    let apiKey: String?
    public var timeout: Duration
    public var retry: RetryPolicy
    /// Hears each retry (for progress output): what went wrong and how long until the next try.
    public var onRetry: @Sendable (String) -> Void = { _ in }

    /// From the environment: OLLAMA_HOST (default http://127.0.0.1:11434); OPENAI_BASE_URL
    /// (default https://api.openai.com/v1) and OPENAI_API_KEY.
    public static func fromEnvironment(
        _ provider: ModelProvider,
        modelName: String?,
        timeout: Duration = .seconds(120),
        retry: RetryPolicy = .standard,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ServerSettings {
        let name = modelName ?? provider.defaultModelName
        switch provider {
        case .mock:
            throw RuntimeError.noServer(model: "mock")
        case .ollama:
            var host = environment["OLLAMA_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://127.0.0.1:11434"
            if !host.contains("://") { host = "http://" + host }
            guard let url = URL(string: host), url.host != nil else {
                throw RuntimeError.notAURL(variable: "OLLAMA_HOST", value: host, example: "http://127.0.0.1:11434")
            }
            return ServerSettings(provider: provider, baseURL: url, modelName: name, apiKey: nil, timeout: timeout, retry: retry)
        case .openai:
            let base = environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.openai.com/v1"
            guard let url = URL(string: base), url.host != nil else {
                throw RuntimeError.notAURL(variable: "OPENAI_BASE_URL", value: base, example: "http://127.0.0.1:8000/v1")
            }
            let key = environment["OPENAI_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
            return ServerSettings(provider: provider, baseURL: url, modelName: name, apiKey: key, timeout: timeout, retry: retry)
        }
    }

    /// `ollama:llama3.1`, as transcripts and summaries name the model.
    public var label: String { "\(provider.rawValue):\(modelName)" }

    func endpoint(_ path: String) -> URL {
        // OPENAI_BASE_URL conventionally ends in /v1; Ollama's host has no path.
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + path)!
    }

    var headers: [String: String] {
        apiKey.map { ["Authorization": "Bearer \($0)"] } ?? [:]
    }
}
