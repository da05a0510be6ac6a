import ArgumentParser

/// Where `deploy` puts the app.
enum DeployTarget: String, ExpressibleByArgument, CaseIterable {
    case local, compose, kubernetes
}
