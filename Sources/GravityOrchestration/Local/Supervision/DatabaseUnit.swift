import Foundation

/// The app's private PostgreSQL server, started on first use (when a service's database asks for
/// it) and stopped after every service that uses it. PostgreSQL keeps itself up (its postmaster
/// restarts a backend that dies), so there is nothing to watch while it runs.
actor DatabaseUnit: SupervisedUnit {
    nonisolated let name = "postgresql"
    let plan: DeploymentPlan
    let journal: DeployJournal
    private var server: PostgresServer?

    init(plan: DeploymentPlan, journal: DeployJournal) {
        self.plan = plan
        self.journal = journal
    }

    private var log: String { "\(plan.stateDirectory)/logs/databases.log" }

    /// The server, started now if it is not yet.
    func started() async throws -> PostgresServer {
        if let server { return server }
        journal.event(.step, nil, "postgresql: starting the app's private server")
        let password = try journal.store.secrets(["POSTGRES_PASSWORD"])["POSTGRES_PASSWORD"]!
        let server = try await PostgresServer.start(root: plan.root, stateDirectory: plan.stateDirectory, password: password, log: log)
        self.server = server
        try journal.store.updateDeployment {
            $0.postgresDirectory = server.directory
            $0.postgresPort = server.port
        }
        journal.event(.step, nil, "postgresql: listening on 127.0.0.1:\(server.port) (\(server.directory))")
        return server
    }

    func run() async {
        await watching(every: .seconds(3600)) {}
    }

    func stop(announce: Bool) async {
        guard let server else { return }
        await PostgresServer.stop(directory: server.directory, log: log)
        self.server = nil
        if announce { journal.event(.step, name, "stopped") }
    }
}
