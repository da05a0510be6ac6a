/// Where `deploy` puts the app.
public enum DeployTarget: String, CaseIterable, Sendable {
    case local, compose, kubernetes
}
