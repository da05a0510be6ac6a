import Foundation
import GravityDeployContract
import GravityOrchestration

/// `deploy`: an app (or any directory of services with manifests) run locally as processes behind an
/// nginx gateway, or written as docker-compose or Kubernetes manifests and applied where a tool is there.
public struct Deploy: Sendable {
    public struct Inputs: Sendable {
        /// The app's directory.
        public var directory: String
        public var target: DeployTarget = .local
        /// The gateway's port on 127.0.0.1 (default: gravity-app.yaml's, else 8080).
        public var port: Int?
        public var registrationRate = GatewayTemplate.defaultRegistrationRate
        public var tls = false
        /// The command that runs the supervisor (`gravity-team supervise`).
        public var supervisor: [String]

        public init(directory: String, supervisor: [String]) {
            self.directory = directory
            self.supervisor = supervisor
        }
    }

    /// What a deploy did.
    public enum Outcome: Sendable {
        /// Every service and the gateway are up.
        case ready(DeploymentRecord, [ServiceRecord], elapsed: Duration)
        /// It was running already (on the port asked, or no port was asked), its files as deployed.
        case alreadyRunning(DeploymentRecord?)
        /// It was running, and took its changed files: migrations applied, `changed` restarted.
        case updated(DeploymentRecord, [ServiceRecord], changed: [String], elapsed: Duration)
        /// The compose or Kubernetes files, and whether they were applied.
        case containers(ContainerTargets.Outcome)
    }

    /// Why a deploy did not come up: a case per reason, each one line.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// It runs already, on another port than the one asked.
        case runningElsewhere(app: String, url: String, asked: Int, directory: String)
        /// The supervisor gave up; `reason` says why.
        case didNotComeUp(String)

        public var description: String {
            switch self {
            case .runningElsewhere(let app, let url, let asked, let directory):
                "\(app) is already running on \(url), not on port \(asked); `gravity-team stop \(directory)` first to move it"
            case .didNotComeUp(let reason): reason
            }
        }
    }

    public var inputs: Inputs
    /// The app to deploy, read from its manifests.
    public let plan: DeploymentPlan

    /// Reads the app's manifests; a directory that holds no app is refused here.
    public init(_ inputs: Inputs) throws {
        self.inputs = inputs
        self.plan = try DeploymentPlan.load(inputs.directory)
    }

    /// The gateway's port a local deploy uses.
    public var port: Int { inputs.port ?? plan.defaultPort }

    /// Deploys; `events` gets the local target's events, `lines` the container targets' progress.
    public func run(events: (DeployEvent) -> Void, lines: (String) -> Void) async throws -> Outcome {
        switch inputs.target {
        case .compose: return .containers(try await ContainerTargets.compose(plan, progress: lines))
        case .kubernetes: return .containers(try await ContainerTargets.kubernetes(plan, progress: lines))
        case .local: break
        }
        let started = ContinuousClock.now
        let outcome = try await LocalDeployment.deploy(
            plan, port: port, registrationRate: inputs.registrationRate, tls: inputs.tls, supervisor: inputs.supervisor, progress: events
        )
        switch outcome {
        case .alreadyRunning(let deployment):
            if let asked = inputs.port, let deployment, deployment.gatewayPort != asked {
                throw Failure.runningElsewhere(app: plan.name, url: deployment.gatewayURL, asked: asked, directory: inputs.directory)
            }
            return .alreadyRunning(deployment)
        case .failed(let reason):
            throw Failure.didNotComeUp(reason)
        case .ready(let deployment, let services):
            return .ready(deployment, services, elapsed: ContinuousClock.now - started)
        case .updated(let deployment, let services, let changed):
            return .updated(deployment, services, changed: changed, elapsed: ContinuousClock.now - started)
        }
    }
}
