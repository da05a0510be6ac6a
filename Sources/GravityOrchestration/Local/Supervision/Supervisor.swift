import Foundation
import GravityDeployContract
import GravityModel
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// The process that keeps a local deployment running. It prepares everything (Python environment,
/// databases, migrations, secrets), starts the services wave by wave with each wave's health checks
/// awaited together, starts the gateway, then runs them all as one `ServiceGroup`: each unit watched
/// by a task of its own, restarted with backoff when it exits or fails its health checks. The first
/// stop signal cancels whatever is under way (deploying or watching), and everything started is
/// stopped in reverse order. Every step goes to the deploy state as an event, which `deploy` prints
/// while it waits.
public actor Supervisor {
    /// The app as deployed; an update replaces it with the app's manifests as they are now.
    var plan: DeploymentPlan
    let port: Int
    let journal: DeployJournal
    let database: DatabaseUnit
    let gateway: GatewayUnit
    let probe = HealthProbe()
    /// The service units started so far, in start order.
    private var services: [ServiceUnit] = []
    private var gatewayStarted = false
    /// What the services were started with, for an update to start them again alike.
    var context = LaunchContext()

    struct LaunchContext {
        var pythonBin: String?
        var databaseURLs: [String: [(name: String, url: String)]] = [:]
        var secrets: [String: String] = [:]
        var ports: [String: Int] = [:]
    }

    /// Everything started, as one group. A stop (or a failed deploy) stops it in reverse: the
    /// services, the last wave first, then the gateway, then the database server.
    private var started: ServiceGroup {
        ServiceGroup(units: [database] + (gatewayStarted ? [gateway] : []) + services)
    }

    var logDirectory: String { "\(plan.stateDirectory)/logs" }

    /// The started unit of the service `name`.
    func unit(named name: String) -> ServiceUnit? { services.first { $0.name == name } }
    var store: DeployStore { journal.store }

    public init(
        plan: DeploymentPlan, store: DeployStore, port: Int, registrationRate: String = GatewayTemplate.defaultRegistrationRate, tls: Bool = false
    ) {
        self.plan = plan
        self.port = port
        let journal = DeployJournal(store: store)
        self.journal = journal
        self.database = DatabaseUnit(plan: plan, journal: journal)
        self.gateway = GatewayUnit(plan: plan, port: port, registrationRate: registrationRate, tls: tls, journal: journal, probe: probe)
    }

    private enum Ending: Sendable {
        case stopped
        case failed(String)
    }

    /// Deploys, then supervises until `signals` yields; returns the exit status of the supervisor.
    public func run(until signals: AsyncStream<Int32>) async -> Int32 {
        try? store.updateDeployment { $0.supervisorPid = getpid() }
        let ending = await withTaskGroup(of: Ending?.self) { group in
            group.addTask {
                for await _ in signals { return nil }
                return nil
            }
            group.addTask { await self.deployAndWatch() }
            // Whichever ends first (a signal, or a deploy that failed) ends the other.
            var ending = Ending.stopped
            while let next = await group.next() {
                if let next { ending = next }
                group.cancelAll()
            }
            return ending
        }
        switch ending {
        case .failed(let text):
            await started.stop(announce: false)
            markUnstarted()
            journal.event(.failed, nil, text)
            try? store.updateDeployment {
                $0.status = .failed
                $0.message = text
            }
            return 1
        case .stopped:
            try? store.updateDeployment { $0.status = .stopping }
            await started.stop(announce: true)
            markUnstarted()
            try? store.updateDeployment { $0.status = .stopped }
            journal.event(.stopped, nil, "stopped")
            return 0
        }
    }

    /// Deploys and, once everything is up, watches it until cancelled (.stopped); or how it failed.
    private func deployAndWatch() async -> Ending {
        do {
            try await deploy()
        } catch {
            return .failed(Task.isCancelled ? DeployError.interrupted.description : "\(error)")
        }
        try? store.updateDeployment { $0.status = .running }
        journal.event(.ready, nil, "\(plan.name) is up on \(gateway.url)")
        // Everything is watched; beside it, updates asked for by `deploy` are taken one at a time.
        let group = started
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await group.run() }
            tasks.addTask { await self.takeUpdates() }
        }
        return .stopped
    }

    /// A service never started is stopped too, as far as the state says (a failed one stays failed).
    private func markUnstarted() {
        let startedNames = Set(services.map(\.name))
        for service in plan.services where !startedNames.contains(service.name) {
            try? store.updateService(service.name) {
                if $0.state != .failed { $0.state = .stopped }
                $0.pid = nil
            }
        }
    }

    // MARK: Deploying

    func deploy() async throws {
        let clock = ContinuousClock.now
        try FileManager.default.createDirectory(atPath: "\(plan.stateDirectory)/data", withIntermediateDirectories: true)
        journal.event(.step, nil, "order: \(plan.services.map(\.name).joined(separator: ", "))")
        let pythonBin = try await preparePython(plan.pythonRequirements)
        let databaseURLs = try await prepareDatabases()
        let secretNames = Set(plan.services.flatMap(\.manifest.environment.secrets))
        let secrets = try store.secrets(secretNames)
        context = LaunchContext(pythonBin: pythonBin, databaseURLs: databaseURLs, secrets: secrets)
        if !secretNames.isEmpty {
            journal.event(.step, nil, "secrets: \(secretNames.sorted().joined(separator: ", ")) (kept in .gravity/state.sqlite)")
        }

        var ports: [String: Int] = [:]
        // The gateway's port is only checked now and bound last; a service must never be handed it.
        // A service's port is chosen just before it starts (its dependencies, in earlier waves, have
        // theirs), so the seconds in which another program could take it are as few as they can be.
        var promised: Set<Int> = [port]
        for wave in plan.waves {
            try Task.checkInterrupted()
            for service in wave {
                let chosen = try PortAllocator.freePort(excluding: promised)
                ports[service.name] = chosen
                promised.insert(chosen)
            }
            var units: [ServiceUnit] = []
            for service in wave {
                var launch = try ServiceLaunch.make(
                    service: service,
                    port: ports[service.name]!,
                    databaseURLs: databaseURLs[service.name] ?? [],
                    dependencyPorts: ports,
                    secrets: secrets,
                    pythonBin: pythonBin
                )
                // The files as migrated: a restart runs these, and `deploy` compares the files with them.
                launch.fingerprint = ServiceFingerprint.of(directory: service.directory)
                let unit = ServiceUnit(service: service, launch: launch, logDirectory: logDirectory, journal: journal, probe: probe)
                services.append(unit)
                try await unit.start(attempt: 0)
                units.append(unit)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for unit in units { group.addTask { try await unit.awaitHealthy() } }
                try await group.waitForAll()
            }
        }
        context.ports = ports
        gatewayStarted = true
        try await gateway.start(ports: ports)
        journal.event(.step, nil, String(format: "all services healthy in %.1f s", (ContinuousClock.now - clock).seconds))
    }

    /// The virtual environment for `requirements` (the union of the services'); its `bin`.
    func preparePython(_ requirements: String?) async throws -> String? {
        guard let requirements else { return nil }
        let started = ContinuousClock.now
        journal.event(.step, nil, "python environment: \(requirements.split(separator: "\n").count) requirements")
        let environment: PythonEnvironment
        do {
            environment = try await PythonEnvironment.prepare(requirements: requirements)
        } catch {
            throw DeployError.pythonEnvironment("\(error)")
        }
        journal.event(
            .step,
            nil,
            String(format: "python environment ready in %.1f s (%@)", (ContinuousClock.now - started).seconds, environment.directory)
        )
        return "\(environment.directory)/bin"
    }

    /// Creates each service's databases and applies their migrations; returns the URLs per service.
    func prepareDatabases() async throws -> [String: [(name: String, url: String)]] {
        var urls: [String: [(name: String, url: String)]] = [:]
        for service in plan.services {
            urls[service.name] = try await prepareDatabases(of: service)
        }
        return urls
    }

    /// Creates `service`'s databases where they are new and applies the migrations not yet
    /// recorded in them (each once: `schema_migrations`); returns their URLs.
    func prepareDatabases(of service: DeploymentPlan.Service) async throws -> [(name: String, url: String)] {
        var urls: [(name: String, url: String)] = []
        let log = "\(logDirectory)/databases.log"
        for database in service.manifest.databases {
            let applier = MigrationApplier(service: service, database: database)
            let outcome: MigrationApplier.Outcome
            let url: String
            switch database.type {
            case .sqlite:
                let path = "\(plan.stateDirectory)/data/\(database.name).sqlite"
                outcome = try applier.applySQLite(path: path)
                url = "sqlite:///\(path)"
            case .postgresql:
                let server = try await self.database.started()
                try await server.createDatabase(database.name, log: log)
                outcome = try await applier.applyPostgres(server: server, name: database.name, log: log)
                url = server.url(database.name)
            default:
                throw DeployError.unsupportedDatabase(service: service.name, database: database.name, type: database.type.rawValue)
            }
            urls.append((database.name, url))
            let migrations = outcome.applied.isEmpty ? "migrations up to date" : "migrations applied: \(outcome.applied.joined(separator: ", "))"
            journal.event(
                .step,
                service.name,
                "database \(database.name) (\(database.type.rawValue)): \(migrations)\(outcome.seeded ? "; seed data loaded" : "")"
            )
        }
        return urls
    }
}
