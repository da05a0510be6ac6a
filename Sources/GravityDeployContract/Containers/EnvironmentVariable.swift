/// A variable a service is given, as each target gives it: Compose by value (which may read the
/// project's `.env` with `${NAME}`), Kubernetes from the service's ConfigMap or the app's Secret.
public struct EnvironmentVariable: Codable, Sendable, Hashable {
    /// Where Kubernetes takes the value from.
    public enum KubernetesValue: Codable, Sendable, Hashable {
        case config(String)
        case secret(key: String)

        var secretKey: String? {
            if case .secret(let key) = self { return key }
            return nil
        }
    }

    public var name: String
    /// The value in docker-compose.yml, interpolated by Compose; nil when Compose does not set it.
    public var compose: String?
    /// nil when Kubernetes does not set it.
    public var kubernetes: KubernetesValue?

    public init(name: String, compose: String?, kubernetes: KubernetesValue?) {
        self.name = name
        self.compose = compose
        self.kubernetes = kubernetes
    }

    /// The same text for both; a `$` in it is doubled for Compose, which would read it as a variable.
    public static func text(_ name: String, _ value: String) -> EnvironmentVariable {
        text(name, compose: value, kubernetes: value)
    }

    /// Text that differs between the targets (a service's address), `$` doubled for Compose.
    public static func text(_ name: String, compose: String, kubernetes: String) -> EnvironmentVariable {
        EnvironmentVariable(name: name, compose: literalDollars(compose), kubernetes: .config(kubernetes))
    }

    /// A secret: Compose requires it in deploy/.env, Kubernetes reads it from the app's Secret.
    public static func secret(_ name: String, key: String? = nil) -> EnvironmentVariable {
        let key = key ?? name
        return EnvironmentVariable(name: name, compose: required(key, "set \(key) in deploy/.env"), kubernetes: .secret(key: key))
    }

    /// A Compose variable that must be set, `${KEY:?hint}`: Compose stops with the hint when it is not.
    public static func required(_ key: String, _ hint: String) -> String { "${\(key):?\(hint)}" }

    /// `$` doubled, so that Compose takes it literally instead of interpolating a variable.
    public static func literalDollars(_ text: String) -> String { text.replacingOccurrences(of: "$", with: "$$") }
}
