import ArgumentParser
import Foundation
import GravityRuntime
import GravityWorkflows

/// Which model the personas ask: `--model` / GRAVITY_MODEL, `--model-name` / GRAVITY_MODEL_NAME.
struct ModelOptions: ParsableArguments {
    @Option(
        help: "mock (built in, offline), ollama (OLLAMA_HOST) or openai (OPENAI_BASE_URL, OPENAI_API_KEY); default $GRAVITY_MODEL or mock."
    )
    var model: String?

    @Option(
        name: .customLong("model-name"),
        help: "The server's model, e.g. llama3.1 (default $GRAVITY_MODEL_NAME, else llama3.1 / gpt-4o-mini)."
    )
    var modelName: String?

    @Option(
        name: .customLong("request-timeout"),
        parsing: .unconditional,
        help: "Seconds a model request may take before it is retried."
    )
    var requestTimeout: String = "120"

    /// Checked whatever the model, so that a bad value is not accepted only because the mock model
    /// has no use for it.
    func validate() throws { _ = try timeoutSeconds() }

    private func timeoutSeconds() throws -> Double {
        guard let seconds = Double(requestTimeout), seconds > 0, seconds <= 3600 else {
            throw ValidationError("invalid --request-timeout '\(requestTimeout)': expected seconds above 0, at most 3600")
        }
        return seconds
    }

    func provider(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ModelProvider {
        let text = model ?? environment[ModelProvider.providerVariable].flatMap { $0.isEmpty ? nil : $0 } ?? "mock"
        guard let provider = ModelProvider(rawValue: text) else {
            let source = model == nil ? "\(ModelProvider.providerVariable)=\(text)" : "--model '\(text)'"
            throw ValidationError("invalid \(source): expected mock, ollama or openai")
        }
        return provider
    }

    /// The server settings of a real model.
    func server(_ provider: ModelProvider, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerSettings {
        let seconds = try timeoutSeconds()
        let name = modelName ?? environment[ModelProvider.nameVariable].flatMap { $0.isEmpty ? nil : $0 }
        var settings = try ServerSettings.fromEnvironment(
            provider,
            modelName: name,
            timeout: .milliseconds(Int(seconds * 1000)),
            environment: environment
        )
        settings.onRetry = { FileHandle.standardError.write(Data("warning: model server: \($0)\n".utf8)) }
        return settings
    }

    /// The model the options name, with its server's settings.
    func choice() throws -> ModelChoice {
        let provider = try provider()
        return ModelChoice(provider: provider, server: provider == .mock ? nil : try server(provider))
    }
}
