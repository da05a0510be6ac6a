import GravityOrchestration

/// Prints what the compose and Kubernetes targets did.
enum ContainerTargetReport {
    static func print(_ outcome: ContainerTargets.Outcome) {
        Swift.print(outcome.applied ? "Deployed: \(outcome.message)" : "Not started: \(outcome.message)")
        Swift.print("Files: \(outcome.files.joined(separator: ", "))")
    }
}
