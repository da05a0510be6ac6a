import GravityRuntime

/// Which model the personas ask: the built-in mock, or a server's model with its settings.
public struct ModelChoice: Sendable {
    public var provider: ModelProvider
    /// The server's settings; nil for the mock model.
    public var server: ServerSettings?

    public init(provider: ModelProvider, server: ServerSettings?) {
        self.provider = provider
        self.server = server
    }

    public static let mock = ModelChoice(provider: .mock, server: nil)

    /// The model for a run with `seed`; the mock model is `mock` as it is.
    public func languageModel(seed: UInt64, mock: MockModel) -> any LanguageModel {
        switch (provider, server) {
        case (.ollama, let server?): OllamaModel(settings: server, seed: seed)
        case (.openai, let server?): OpenAIModel(settings: server, seed: seed)
        default: mock
        }
    }
}
