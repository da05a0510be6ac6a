import ArgumentParser
import GravityRuntime

/// `gravity-team models`: what a model server offers, and whether the configured model is there.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the models an Ollama or OpenAI-compatible server offers and check the configured one."
    )

    @OptionGroup var models: ModelOptions

    func run() async throws {
        let provider = try models.provider()
        guard provider != .mock else {
            print("mock: the built-in model (offline, deterministic); choose --model ollama or --model openai to list a server's models")
            return
        }
        let settings = try models.server(provider)
        let available: [String]
        switch provider {
        case .ollama: available = try await OllamaModel(settings: settings, seed: 0).available()
        case .openai: available = try await OpenAIModel(settings: settings, seed: 0).available()
        case .mock: available = []
        }
        print("\(provider.rawValue) at \(settings.baseURL.absoluteString): \(available.count) models")
        for name in available { print("  \(name)\(name == settings.modelName ? "   <- configured" : "")") }
        // Ollama names carry a tag (llama3.1:latest); the bare name means :latest.
        let found = available.contains(settings.modelName) || available.contains(settings.modelName + ":latest")
        guard found else { throw ModelServerError.unknownModel(name: settings.modelName, available: available) }
        print("The configured model \(settings.modelName) is available.")
    }
}
