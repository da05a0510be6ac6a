import Dispatch
import Foundation
import GravityDeployContract
import GravityModel
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// The process that keeps a local deployment running. It prepares everything (Python environment,
/// databases, migrations, secrets), starts the services wave by wave with each waiting for its
/// dependencies' health checks, starts the gateway, then watches: a service that exits or fails its
/// health checks is restarted with backoff. On SIGTERM it stops everything in reverse order.
/// Every step goes to the deploy state as an event, which `deploy` prints while it waits.
public actor Supervisor {
    struct Running {
        var launch: ServiceLaunch
        var check: ServiceManifest.HealthCheck
        var pid: pid_t?
        var restarts = 0
        var restart = RestartPolicy<ContinuousClock.Instant>()
        var healthySince: ContinuousClock.Instant?
        var nextCheck: ContinuousClock.Instant
        var failedChecks = 0
        var startedAt: ContinuousClock.Instant?
    }

    let plan: DeploymentPlan
    let store: DeployStore
    let port: Int
    /// How often one client address may register an account, in nginx's words ("10r/m").
    let registrationRate: String
    /// Whether the gateway serves HTTPS, with a certificate made at deploy.
    let tls: Bool
    let probe = HealthProbe()
    var running: [String: Running] = [:]
    var gatewayPid: pid_t?
    var gatewayRestart = RestartPolicy<ContinuousClock.Instant>()
    var nginx: NginxGateway.Binary?
    var postgres: PostgresServer?
    var stopRequested = false

    var logDirectory: String { "\(plan.stateDirectory)/logs" }

    public init(
        plan: DeploymentPlan, store: DeployStore, port: Int, registrationRate: String = GatewayTemplate.defaultRegistrationRate, tls: Bool = false
    ) {
        self.plan = plan
        self.store = store
        self.port = port
        self.registrationRate = registrationRate
        self.tls = tls
    }

    public func requestStop() { stopRequested = true }

    /// Deploys, then supervises until asked to stop; returns the exit status of the supervisor.
    public func run() async -> Int32 {
        try? store.updateDeployment { $0.supervisorPid = getpid() }
        do {
            try await deploy()
        } catch {
            let text = "\(error)"
            await teardown(reason: nil)
            event(.failed, nil, text)
            try? store.updateDeployment {
                $0.status = .failed
                $0.message = text
            }
            return 1
        }
        try? store.updateDeployment { $0.status = .running }
        event(.ready, nil, "\(plan.name) is up on \(gatewayURL)")
        await monitor()
        await teardown(reason: "stop requested")
        try? store.updateDeployment { $0.status = .stopped }
        event(.stopped, nil, "stopped")
        return 0
    }

    var gatewayURL: String { "\(tls ? "https" : "http")://127.0.0.1:\(port)/" }

    // MARK: Deploying

    func deploy() async throws {
        let clock = ContinuousClock.now
        try FileManager.default.createDirectory(atPath: "\(plan.stateDirectory)/data", withIntermediateDirectories: true)
        event(.step, nil, "order: \(plan.services.map(\.name).joined(separator: ", "))")
        let pythonBin = try await preparePython()
        let databaseURLs = try await prepareDatabases()
        let secretNames = Set(plan.services.flatMap(\.manifest.environment.secrets))
        let secrets = try store.secrets(secretNames)
        if !secretNames.isEmpty {
            event(.step, nil, "secrets: \(secretNames.sorted().joined(separator: ", ")) (kept in .gravity/state.sqlite)")
        }

        var ports: [String: Int] = [:]
        // The gateway's port is only checked now and bound last; a service must never be handed it.
        // A service's port is chosen just before it starts (its dependencies, in earlier waves, have
        // theirs), so the seconds in which another program could take it are as few as they can be.
        var promised: Set<Int> = [port]
        for wave in plan.waves {
            try checkStop()
            for service in wave {
                let chosen = try PortAllocator.freePort(excluding: promised)
                ports[service.name] = chosen
                promised.insert(chosen)
            }
            for service in wave {
                let launch = try ServiceLaunch.make(
                    service: service,
                    port: ports[service.name]!,
                    databaseURLs: databaseURLs[service.name] ?? [],
                    dependencyPorts: ports,
                    secrets: secrets,
                    pythonBin: pythonBin
                )
                running[service.name] = Running(launch: launch, check: service.manifest.healthCheck, nextCheck: .now)
                try start(service.name, attempt: 0)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for service in wave { group.addTask { try await self.awaitHealthy(service.name) } }
                try await group.waitForAll()
            }
        }
        try await startGateway(ports: ports)
        event(.step, nil, String(format: "all services healthy in %.1f s", (ContinuousClock.now - clock).seconds))
    }

    func checkStop() throws {
        if stopRequested { throw DeployError.interrupted }
    }

    func preparePython() async throws -> String? {
        var lines = Set<String>()
        for service in plan.services {
            guard let text = try? String(contentsOfFile: "\(service.directory)/requirements.txt", encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let requirement = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let trimmed = requirement.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { lines.insert(trimmed) }
            }
        }
        guard !lines.isEmpty else { return nil }
        let started = ContinuousClock.now
        event(.step, nil, "python environment: \(lines.count) requirements")
        let environment: PythonEnvironment
        do {
            environment = try await PythonEnvironment.prepare(requirements: lines.sorted().joined(separator: "\n") + "\n")
        } catch {
            throw DeployError.pythonEnvironment("\(error)")
        }
        event(
            .step,
            nil,
            String(format: "python environment ready in %.1f s (%@)", (ContinuousClock.now - started).seconds, environment.directory)
        )
        return "\(environment.directory)/bin"
    }

    /// Creates each service's databases and applies their migrations; returns the URLs per service.
    func prepareDatabases() async throws -> [String: [(name: String, url: String)]] {
        var urls: [String: [(name: String, url: String)]] = [:]
        let log = "\(logDirectory)/databases.log"
        for service in plan.services {
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
                    let server = try await postgresServer()
                    try await server.createDatabase(database.name, log: log)
                    outcome = try await applier.applyPostgres(server: server, name: database.name, log: log)
                    url = server.url(database.name)
                default:
                    throw DeployError.unsupportedDatabase(service: service.name, database: database.name, type: database.type.rawValue)
                }
                urls[service.name, default: []].append((database.name, url))
                let migrations =
                    outcome.applied.isEmpty ? "migrations up to date" : "migrations applied: \(outcome.applied.joined(separator: ", "))"
                event(
                    .step,
                    service.name,
                    "database \(database.name) (\(database.type.rawValue)): \(migrations)\(outcome.seeded ? "; seed data loaded" : "")"
                )
            }
        }
        return urls
    }

    func postgresServer() async throws -> PostgresServer {
        if let postgres { return postgres }
        event(.step, nil, "postgresql: starting the app's private server")
        let password = try store.secrets(["POSTGRES_PASSWORD"])["POSTGRES_PASSWORD"]!
        let server = try await PostgresServer.start(
            root: plan.root,
            stateDirectory: plan.stateDirectory,
            password: password,
            log: "\(logDirectory)/databases.log"
        )
        postgres = server
        try store.updateDeployment {
            $0.postgresDirectory = server.directory
            $0.postgresPort = server.port
        }
        event(.step, nil, "postgresql: listening on 127.0.0.1:\(server.port) (\(server.directory))")
        return server
    }

    func start(_ name: String, attempt: Int) throws {
        guard let service = plan.service(name), let launch = running[name]?.launch else { return }
        let logFile = "\(logDirectory)/\(name).log"
        let banner =
            "---- gravity-team: starting \(name) on port \(launch.port)\(attempt > 0 ? " (restart \(attempt))" : "") at \(Date()) ----\n"
        if let handle = FileHandle(forWritingAtPath: logFile) {
            handle.seekToEndOfFile()
            handle.write(Data(banner.utf8))
            try? handle.close()
        } else {
            _ = FileManager.default.createFile(atPath: logFile, contents: Data(banner.utf8), attributes: [.posixPermissions: 0o600])
        }
        let pid = try ProcessControl.spawn(
            launch.executable,
            launch.arguments,
            environment: launch.environment,
            directory: service.directory,
            logFile: logFile
        )
        running[name]?.pid = pid
        running[name]?.startedAt = .now
        running[name]?.healthySince = nil
        running[name]?.failedChecks = 0
        let start = ProcessControl.startTime(of: pid)
        try store.updateService(name) {
            $0.state = .starting
            $0.pid = pid
            $0.pidStart = start
            $0.port = launch.port
            $0.health = .unknown
            $0.startedAt = Date().timeIntervalSince1970
        }
        event(.step, name, "started on 127.0.0.1:\(launch.port) (pid \(pid))")
    }

    /// Polls the health endpoint until it answers, the process exits, or the health check's
    /// budget (start period + interval × retries) runs out.
    func awaitHealthy(_ name: String) async throws {
        guard let entry = running[name], let pid = entry.pid else { return }
        let started = ContinuousClock.now
        let deadline = started + .seconds(entry.check.startupBudget)
        var lastProblem = "no answer yet"
        while ContinuousClock.now < deadline {
            try checkStop()
            if let exit = ProcessControl.exitStatus(of: pid) {
                running[name]?.pid = nil
                try? store.updateService(name) {
                    $0.state = .failed
                    $0.pid = nil
                    $0.lastExit = exit
                }
                throw failure(name, "\(exit) before it was healthy")
            }
            switch await probe.check(entry.launch.healthURL, timeout: entry.check.timeout) {
            case .healthy:
                running[name]?.healthySince = .now
                running[name]?.nextCheck = .now + .seconds(entry.check.interval)
                try store.updateService(name) {
                    $0.state = .running
                    $0.health = .healthy
                }
                event(
                    .step,
                    name,
                    String(format: "healthy after %.1f s (%@)", (ContinuousClock.now - started).seconds, entry.launch.healthURL)
                )
                return
            case .unhealthy(let problem):
                lastProblem = problem
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        try? store.updateService(name) {
            $0.state = .failed
            $0.health = .unhealthy
        }
        throw failure(
            name,
            String(
                format: "failed its health check (%@) for %.0f s: %@",
                entry.launch.healthURL,
                (ContinuousClock.now - started).seconds,
                lastProblem
            )
        )
    }

    /// A service failure with the last lines of its log.
    func failure(_ name: String, _ reason: String) -> DeployError {
        // The health checks' own requests would crowd out what the service said about its trouble.
        let probe = "GET \(plan.service(name)?.manifest.healthCheck.endpoint ?? "/health")"
        let lines = LogFile.tail("\(logDirectory)/\(name).log", lines: 400)
            .filter { !$0.hasPrefix("---- gravity-team:") && !$0.contains(probe) }.suffix(12)
        let log = lines.isEmpty ? "" : "\nlast lines of .gravity/logs/\(name).log:\n" + lines.map { "  | \($0)" }.joined(separator: "\n")
        return DeployError.serviceFailed(service: name, reason: reason + log)
    }

    func startGateway(ports: [String: Int]) async throws {
        let frontend = try plan.frontend ?? placeholderFrontend()
        let certificate = tls ? try await GatewayCertificate.make(in: "\(plan.stateDirectory)/tls") : nil
        let configuration = try GatewayConfiguration(
            plan: plan,
            port: port,
            registrationRate: registrationRate,
            upstreams: ports,
            frontendDirectory: frontend,
            certificate: certificate
        )
        .render()
        let gateway = NginxGateway(stateDirectory: plan.stateDirectory)
        let nginx = try await gateway.prepare(configuration)
        self.nginx = nginx
        guard PortAllocator.isFree(port) else { throw DeployError.portInUse(port) }
        let pid = try gateway.start(nginx)
        gatewayPid = pid
        let start = ProcessControl.startTime(of: pid)
        try store.updateDeployment {
            $0.gatewayPid = pid
            $0.gatewayStart = start
            $0.gatewayStartedAt = Date().timeIntervalSince1970
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let exit = ProcessControl.exitStatus(of: pid) {
                gatewayPid = nil
                let problem = LogFile.tail("\(logDirectory)/gateway-error.log", lines: 1).first ?? ""
                throw DeployError.gatewayExited(exit: exit, problem: problem)
            }
            // Over HTTPS the probe would not trust the certificate made here: listening is the sign then.
            if tls ? !PortAllocator.isFree(port) : await probe.check(gatewayURL, timeout: 1) == .healthy {
                event(.step, nil, "gateway: nginx on \(gatewayURL) (pid \(pid)), \(plan.routes.count) routes")
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DeployError.gatewaySilent(url: gatewayURL)
    }

    /// For services without a frontend: a page that lists the routes.
    func placeholderFrontend() throws -> String {
        let directory = "\(plan.stateDirectory)/frontend"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let items = plan.routes.map { "<li><code>\($0.prefix)/</code> → \($0.service)</li>" }.joined(separator: "\n")
        let page = "<!doctype html>\n<meta charset=\"utf-8\">\n<title>\(plan.name)</title>\n<h1>\(plan.name)</h1>\n<ul>\n\(items)\n</ul>\n"
        try page.write(toFile: "\(directory)/index.html", atomically: true, encoding: .utf8)
        return directory
    }

    // MARK: Watching

    func monitor() async {
        while !stopRequested {
            for service in plan.services { await watch(service.name) }
            await watchGateway()
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    func watch(_ name: String) async {
        guard var entry = running[name] else { return }
        let now = ContinuousClock.now
        if let pid = entry.pid, let exit = ProcessControl.exitStatus(of: pid) {
            // Whatever the leader forked (workers holding the port) goes with it.
            await ProcessControl.stopGroup(pid, grace: .seconds(1))
            scheduleRestart(name, because: exit)
            return
        }
        if entry.pid == nil, entry.restart.takeIfDue(at: now) {
            entry.restarts += 1
            running[name]?.restarts = entry.restarts
            running[name]?.restart = entry.restart
            try? store.updateService(name) { [restarts = entry.restarts] in $0.restarts = restarts }
            do {
                try start(name, attempt: entry.restarts)
            } catch {
                scheduleRestart(name, because: "could not be started (\(error))")
            }
            return
        }
        guard let pid = entry.pid, now >= entry.nextCheck else { return }
        running[name]?.nextCheck = now + .seconds(entry.healthySince == nil ? 0.2 : entry.check.interval)
        let result = await probe.check(entry.launch.healthURL, timeout: entry.check.timeout)
        guard running[name]?.pid == pid else { return }
        switch result {
        case .healthy:
            if running[name]?.healthySince == nil {
                running[name]?.healthySince = .now
                event(.restart, name, "healthy again after restart \(entry.restarts)")
            }
            running[name]?.failedChecks = 0
            if let since = running[name]?.healthySince { running[name]?.restart.stayedHealthy(since: since, at: .now) }
            try? store.updateService(name) {
                $0.state = .running
                $0.health = .healthy
            }
        case .unhealthy(let problem):
            guard entry.healthySince != nil else {
                // Restarted but not healthy yet: give it the same budget as at deploy, then restart again.
                if let started = entry.startedAt,
                    ContinuousClock.now - started > .seconds(entry.check.startupBudget)
                {
                    await ProcessControl.stopGroup(pid)
                    scheduleRestart(
                        name,
                        because:
                            "not healthy within \(Int(entry.check.startupBudget)) s of its restart (\(problem))"
                    )
                }
                return
            }
            let failed = entry.failedChecks + 1
            running[name]?.failedChecks = failed
            try? store.updateService(name) { $0.health = .unhealthy }
            if failed >= entry.check.retries {
                await ProcessControl.stopGroup(pid)
                scheduleRestart(name, because: "failed \(failed) health checks in a row (\(problem))")
            }
        }
    }

    /// Backoff as `RestartPolicy` says: 1 s, 2 s, 4 s ... up to 30 s; reset after a minute of good health.
    func scheduleRestart(_ name: String, because reason: String) {
        guard var entry = running[name] else { return }
        entry.pid = nil
        entry.healthySince = nil
        let delay = entry.restart.crashed(at: .now).seconds
        running[name] = entry
        try? store.updateService(name) {
            $0.state = .crashed
            $0.pid = nil
            $0.health = .unhealthy
            $0.lastExit = reason
        }
        event(.restart, name, String(format: "%@; restarting in %.0f s", reason, delay))
    }

    func watchGateway() async {
        guard let nginx else { return }
        if let pid = gatewayPid {
            guard let exit = ProcessControl.exitStatus(of: pid) else { return }
            await ProcessControl.stopGroup(pid, grace: .seconds(1))
            gatewayPid = nil
            let delay = gatewayRestart.crashed(at: .now).seconds
            try? store.updateDeployment { $0.gatewayPid = nil }
            event(.restart, "gateway", String(format: "nginx %@; restarting in %.0f s", exit, delay))
            return
        }
        guard gatewayRestart.takeIfDue(at: .now) else { return }
        do {
            let pid = try NginxGateway(stateDirectory: plan.stateDirectory).start(nginx)
            gatewayPid = pid
            let start = ProcessControl.startTime(of: pid)
            try? store.updateDeployment {
                $0.gatewayPid = pid
                $0.gatewayStart = start
                $0.gatewayRestarts += 1
                $0.gatewayStartedAt = Date().timeIntervalSince1970
            }
            event(.step, "gateway", "restarted nginx (pid \(pid))")
        } catch {
            _ = gatewayRestart.crashed(at: .now)
            event(.restart, "gateway", "nginx could not be started: \(error)")
        }
    }

    // MARK: Stopping

    /// Stops the services in reverse start order, then the gateway, then the database server.
    func teardown(reason: String?) async {
        try? store.updateDeployment { $0.status = .stopping }
        for service in plan.services.reversed() {
            guard let pid = running[service.name]?.pid else {
                try? store.updateService(service.name) {
                    if $0.state != .failed { $0.state = .stopped }
                    $0.pid = nil
                }
                continue
            }
            try? store.updateService(service.name) { $0.state = .stopping }
            await ProcessControl.stopGroup(pid)
            running[service.name]?.pid = nil
            try? store.updateService(service.name) {
                $0.state = .stopped
                $0.pid = nil
                $0.health = .unknown
            }
            if reason != nil { event(.step, service.name, "stopped") }
        }
        if let pid = gatewayPid {
            await ProcessControl.stopGroup(pid)
            gatewayPid = nil
            try? store.updateDeployment { $0.gatewayPid = nil }
            if reason != nil { event(.step, "gateway", "stopped") }
        }
        if let postgres {
            await PostgresServer.stop(directory: postgres.directory, log: "\(logDirectory)/databases.log")
            self.postgres = nil
            if reason != nil { event(.step, "postgresql", "stopped") }
        }
    }

    func event(_ kind: DeployEvent.Kind, _ service: String?, _ text: String) {
        try? store.record(DeployEvent(kind: kind, service: service, text: text))
        let line = "\(Date()) \(kind.rawValue) \(service ?? "-") \(text)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
