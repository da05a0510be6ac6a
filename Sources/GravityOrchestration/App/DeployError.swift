/// Why a deployment cannot go ahead or went wrong; each reads as one line for the user.
public enum DeployError: Error, CustomStringConvertible, Equatable {
    case notADirectory(String)
    case nothingToDeploy(String)
    case missingManifest(String)
    case unsupportedDatabase(service: String, database: String, type: String)
    case missingTool(String, install: String)
    case portInUse(Int)
    case pathNotUsable(String, reason: String)
    case template(file: String, line: Int, problem: String)
    case step(String)
    case serviceFailed(service: String, reason: String)
    case notDeployed(String)
    case unknownService(String, known: [String])

    public var description: String {
        switch self {
        case .notADirectory(let path): "\(path): no such directory"
        case .nothingToDeploy(let path):
            "\(path): nothing to deploy (no gravity-app.yaml and no */gravity-service.yaml or services/*/gravity-service.yaml)"
        case .missingManifest(let path): "\(path): no such file (gravity-app.yaml lists this service)"
        case .unsupportedDatabase(let service, let database, let type):
            "\(service): database '\(database)' is \(type), which the local target does not run (sqlite and postgresql); use --target compose"
        case .missingTool(let tool, let install): "\(tool) is not installed; \(install)"
        case .portInUse(let port): "port \(port) on 127.0.0.1 is already in use; pass --port with a free port"
        case .pathNotUsable(let path, let reason): "\(path): \(reason)"
        case .template(let file, let line, let problem): "\(file):\(line): \(problem)"
        case .step(let problem): problem
        case .serviceFailed(let service, let reason): "\(service) \(reason)"
        case .notDeployed(let app): "\(app) is not deployed (no deploy state in .gravity/)"
        case .unknownService(let name, let known): "no service '\(name)'; services: \(known.joined(separator: ", ")); logs also: gateway, supervisor"
        }
    }
}
