/// Why a deployment cannot go ahead or went wrong: a case per failure, so a caller can tell them
/// apart, and each reads as one line for the user.
public enum DeployError: Error, CustomStringConvertible, Equatable {
    case notADirectory(String)
    case nothingToDeploy(String)
    case missingManifest(String)
    case unsupportedDatabase(service: String, database: String, type: String)
    case missingTool(String, install: String)
    case portInUse(Int)
    case noFreePort
    case pathNotUsable(String, reason: String)
    case template(file: String, line: Int, problem: String)
    /// `--tls` for an app whose gateway template has no TLS server.
    case noTLSServer(app: String)
    case certificateFailed(String)
    case gatewayConfigurationRefused(String)
    /// nginx ended while starting (`exit` says how) with `problem` its last error line.
    case gatewayExited(exit: String, problem: String)
    case gatewaySilent(url: String)
    case pythonEnvironment(String)
    case migrationFailed(service: String, migration: String, problem: String)
    case migrationsUnreadable(service: String, problem: String)
    case seedFailed(service: String, problem: String)
    case postgres(PostgresFailure)
    /// `docker compose up`, `kubectl apply`: the command and its last output line.
    case containerCommandFailed(command: String, problem: String)
    case interrupted
    /// A running app whose change cannot be taken while it runs.
    case updateNeedsRestart(app: String, reason: String)
    case serviceFailed(service: String, reason: String)
    case notDeployed(String)
    /// `stop` left these processes running.
    case stillRunning(pids: [Int32])
    /// A service's log that does not exist yet, because it has not been started.
    case noLogYet(path: String, service: String)
    case unknownService(String, known: [String])

    /// What can go wrong with the app's private PostgreSQL server.
    public enum PostgresFailure: Sendable, Equatable {
        case initdbFailed(String)
        case didNotStart(directory: String, problem: String)
        case unreachable(problem: String, hint: String)
        case cannotCreateDatabase(name: String, problem: String)
        case rootWithoutPostgresUser
    }

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
        case .noFreePort: "cannot find a free port on 127.0.0.1"
        case .pathNotUsable(let path, let reason): "\(path): \(reason)"
        case .template(let file, let line, let problem): "\(file):\(line): \(problem)"
        case .noTLSServer(let app):
            "--tls: \(app)'s gateway has no TLS server (its team did not adopt security.tls_at_gateway); deploy it without --tls"
        case .certificateFailed(let problem): "--tls: openssl could not make the gateway's certificate: \(problem)"
        case .gatewayConfigurationRefused(let problem): "the gateway configuration does not work: \(problem)"
        case .gatewayExited(let exit, let problem): "the gateway (nginx) \(exit): \(problem)"
        case .gatewaySilent(let url): "the gateway (nginx) did not answer on \(url) within 10 s"
        case .pythonEnvironment(let problem): "cannot prepare the Python environment: \(problem)"
        case .migrationFailed(let service, let migration, let problem): "\(service): migration \(migration) failed: \(problem)"
        case .migrationsUnreadable(let service, let problem): "\(service): cannot read schema_migrations: \(problem)"
        case .seedFailed(let service, let problem): "\(service): seed data failed: \(problem)"
        case .postgres(let failure): failure.description
        case .containerCommandFailed(let command, let problem): "\(command) failed: \(problem)"
        case .interrupted: "deploy interrupted"
        case .updateNeedsRestart(let app, let reason): "\(app) cannot take this change while it runs: \(reason); stop it and deploy again"
        case .serviceFailed(let service, let reason): "\(service) \(reason)"
        case .notDeployed(let app): "\(app) is not deployed (no deploy state in .gravity/)"
        case .stillRunning(let pids): "processes still running after stop: \(pids.map(String.init).joined(separator: ", "))"
        case .noLogYet(let path, let service): "\(path): no log yet (\(service) has not been started)"
        case .unknownService(let name, let known): "no service '\(name)'; services: \(known.joined(separator: ", ")); logs also: gateway, supervisor"
        }
    }
}

extension DeployError.PostgresFailure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .initdbFailed(let problem): "initdb failed: \(problem)"
        case .didNotStart(let directory, let problem): "PostgreSQL did not start (\(directory)): \(problem)"
        case .unreachable(let problem, let hint): "cannot reach the app's PostgreSQL server: \(problem)\(hint)"
        case .cannotCreateDatabase(let name, let problem): "cannot create PostgreSQL database \(name): \(problem)"
        case .rootWithoutPostgresUser: "PostgreSQL refuses to run as root and there is no 'postgres' user; run deploy as another user"
        }
    }
}
