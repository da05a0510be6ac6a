import Foundation
import GravityDeployContract
import GravityModel
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// The local target as the command line sees it: deploy (start a supervisor and follow its
/// progress), status, stop and logs, each working from any shell through `.gravity/`.
public enum LocalDeployment {
    public enum Outcome: Sendable {
        case ready(DeploymentRecord, [ServiceRecord])
        case alreadyRunning(DeploymentRecord?)
        /// It was running and its files had changed: `changed` restarted with them, migrations applied.
        case updated(DeploymentRecord, [ServiceRecord], changed: [String])
        case failed(String)
    }

    /// Checks what can be checked before anything starts: database kinds, and that nginx,
    /// PostgreSQL and python3 are there when needed.
    public static func preflight(_ plan: DeploymentPlan) throws {
        for service in plan.services {
            for database in service.manifest.databases where ![.sqlite, .postgresql].contains(database.type) {
                throw DeployError.unsupportedDatabase(service: service.name, database: database.name, type: database.type.rawValue)
            }
        }
        _ = try NginxGateway.executable()
        try checkWritable("\(plan.stateDirectory)/data")
        // A template with a mistake fails here, before anything has started.
        let ports = Dictionary(uniqueKeysWithValues: plan.services.map { ($0.name, 9) })
        _ = try GatewayConfiguration(plan: plan, port: plan.defaultPort, upstreams: ports, frontendDirectory: plan.frontend ?? plan.root)
            .render()
        if plan.services.contains(where: { $0.manifest.databases.contains { $0.type == .postgresql } }) {
            _ = try PostgresServer.findBinaries()
        }
        if plan.services.contains(where: { FileManager.default.fileExists(atPath: "\($0.directory)/requirements.txt") }),
            ProcessRunner.which("python3") == nil
        {
            throw DeployError.missingTool("python3", install: "the services need it (Debian: apt-get install python3 python3-venv)")
        }
    }

    /// Refuses a data directory (where the SQLite databases live) that cannot be written: the services
    /// would start, answer their health checks with 503 and never become healthy.
    static func checkWritable(_ directory: String) throws {
        guard FileManager.default.fileExists(atPath: directory) else { return }
        let probe = "\(directory)/.write-probe-\(UUID().uuidString)"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DeployError.pathNotUsable(
                directory,
                reason: "the databases' directory cannot be written (\(String(cString: strerror(errno)))); make it writable and deploy again"
            )
        }
        close(descriptor)
        unlink(probe)
    }

    /// Deploys `plan` on 127.0.0.1:`port`: starts `supervisor` (a command that ends in a call to
    /// `Supervisor.runProcess`) detached, and reports its events until everything is up or it gives up.
    public static func deploy(
        _ plan: DeploymentPlan,
        port: Int,
        registrationRate: String = GatewayTemplate.defaultRegistrationRate,
        tls: Bool = false,
        supervisor: [String],
        progress: (DeployEvent) -> Void
    ) async throws -> Outcome {
        try preflight(plan)
        if tls { try GatewayConfiguration.checkServesTLS(plan) }
        let store = try DeployStore(stateDirectory: plan.stateDirectory)
        guard let lock = try DeployLock.acquire(stateDirectory: plan.stateDirectory) else {
            return try await updateIfChanged(plan, store: store, progress: progress)
        }
        // A supervisor that was killed may have left processes; they go before their records do.
        await stopLeftovers(plan, store: store) { progress(DeployEvent(kind: .warning, text: $0)) }
        guard PortAllocator.isFree(port) else {
            lock.release()
            throw DeployError.portInUse(port)
        }
        try FileManager.default.createDirectory(atPath: "\(plan.stateDirectory)/logs", withIntermediateDirectories: true)
        try store.begin(
            DeploymentRecord(app: plan.name, gatewayPort: port, startedAt: Date().timeIntervalSince1970, gatewayTLS: tls),
            services: plan.services.map(\.name)
        )
        let pid: pid_t
        do {
            pid = try ProcessControl.spawn(
                supervisor[0],
                Array(supervisor.dropFirst()) + [plan.root, "--port", String(port), "--registration-rate", registrationRate, "--lock-fd", "3"]
                    + (tls ? ["--tls"] : []),
                environment: ProcessInfo.processInfo.environment,
                directory: plan.root,
                logFile: "\(plan.stateDirectory)/logs/supervisor.log",
                passing: lock.descriptor,
                newSession: true
            )
        } catch {
            lock.release()
            throw error
        }
        // The supervisor holds the lock through the inherited descriptor; this copy can go.
        close(lock.descriptor)
        try store.updateDeployment { $0.supervisorPid = pid }

        var last: Int64 = 0
        while true {
            for event in try store.events(after: last) {
                last = event.id ?? last
                progress(event)
                switch event.kind {
                case .ready:
                    return .ready(try store.deployment()!, try store.services())
                case .failed:
                    await waitForExit(pid)
                    return .failed(event.text)
                default: break
                }
            }
            if let exit = ProcessControl.exitStatus(of: pid) {
                let remaining = try store.events(after: last)
                remaining.forEach(progress)
                if let failed = remaining.last(where: { $0.kind == .failed }) { return .failed(failed.text) }
                let log = LogFile.tail("\(plan.stateDirectory)/logs/supervisor.log", lines: 5).joined(separator: "\n  | ")
                return .failed("the supervisor \(exit) before the app was up\(log.isEmpty ? "" : ":\n  | \(log)")")
            }
            try await Task.sleep(for: .milliseconds(30))
        }
    }

    /// A running deployment: unchanged, it is left as it is; changed since, its supervisor is asked to
    /// take the new files (migrations, then the changed services one at a time), followed to the end.
    private static func updateIfChanged(_ plan: DeploymentPlan, store: DeployStore, progress: (DeployEvent) -> Void) async throws -> Outcome {
        let deployment = try store.deployment()
        guard deployment?.status == .running, let supervisor = deployment?.supervisorPid else { return .alreadyRunning(deployment) }
        let records = try store.services()
        let changed = try ServiceFingerprint.changed(plan, records: records)
        guard !changed.isEmpty else { return .alreadyRunning(deployment) }
        // Deployed by a gravity-team that kept no fingerprints: its supervisor takes no updates either.
        guard records.allSatisfy({ $0.fingerprint != nil }) else {
            return .failed("\(plan.name) was deployed by an earlier gravity-team, which cannot take a change while it runs; `gravity-team stop` it and deploy again")
        }
        var last = try store.lastEventID()
        let request = try store.requestUpdate()
        let asked = ContinuousClock.now
        while true {
            for event in try store.events(after: last) {
                last = event.id ?? last
                progress(event)
                switch event.kind {
                case .updated: return .updated(try store.deployment()!, try store.services(), changed: changed)
                case .updateFailed, .failed, .stopped: return .failed(event.text)
                default: break
                }
            }
            guard ProcessControl.isAlive(supervisor) else { return .failed("the supervisor of \(plan.name) ended before it took the update") }
            // The supervisor looks for updates five times a second; one that never takes it up is not listening.
            if ContinuousClock.now - asked > .seconds(30), try store.updateState(request) == "requested" {
                return .failed("the supervisor of \(plan.name) did not take the update within 30 s; `gravity-team stop` it and deploy again")
            }
            try await Task.sleep(for: .milliseconds(30))
        }
    }

    private static func waitForExit(_ pid: pid_t) async {
        for _ in 0..<600 {
            if ProcessControl.exitStatus(of: pid) != nil || !ProcessControl.isAlive(pid) { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// What `status` shows.
    public struct Status: Sendable {
        public var deployment: DeploymentRecord
        public var services: [ServiceRecord]
        /// Whether the supervisor is alive (it holds the deploy lock).
        public var supervised: Bool
        /// Without a supervisor: the services (and "gateway") whose processes are still running,
        /// unwatched, until `stop` or the next `deploy` stops them.
        public var leftRunning: Set<String>

        /// The gateway as status shows it: watched, left running without its supervisor, or not running.
        public var gatewayState: ServiceRecord.State {
            // Watched, nginx without a pid is waiting for its restart (or was stopped with the app).
            if supervised { return deployment.gatewayPid != nil ? .running : deployment.status == .running ? .crashed : .stopped }
            if leftRunning.contains("gateway") { return .leftRunning }
            return deployment.gatewayPid == nil ? .stopped : .gone
        }
    }

    public static func status(_ plan: DeploymentPlan) throws -> Status {
        guard let store = try DeployStore.existing(stateDirectory: plan.stateDirectory), let deployment = try store.deployment() else {
            throw DeployError.notDeployed(plan.name)
        }
        var services = try store.services()
        let supervised = DeployLock.isHeld(stateDirectory: plan.stateDirectory)
        var left = Set<String>()
        if !supervised {
            // Nobody watches: the records say only what was, so each is checked against its process,
            // and the table and the JSON both show what is.
            for index in services.indices {
                let service = services[index]
                let alive = service.pid.map { ProcessControl.isSame($0, startedAt: service.pidStart) } == true
                if alive {
                    left.insert(service.name)
                    services[index].state = .leftRunning
                } else if service.state.isUp {
                    services[index].state = .gone
                }
                services[index].health = .unknown
            }
            if let pid = deployment.gatewayPid, ProcessControl.isSame(pid, startedAt: deployment.gatewayStart) { left.insert("gateway") }
        }
        return Status(deployment: deployment, services: services, supervised: supervised, leftRunning: left)
    }

    /// Stops the app: asks the supervisor to stop everything (reverse dependency order, then the
    /// gateway and the database server) and waits; if the supervisor is gone, stops what it left.
    /// Returns the pids that were still alive afterwards (none, unless something refused to die).
    public static func stop(_ plan: DeploymentPlan, progress: (String) -> Void) async throws -> [pid_t] {
        guard let store = try DeployStore.existing(stateDirectory: plan.stateDirectory), let deployment = try store.deployment() else {
            throw DeployError.notDeployed(plan.name)
        }
        let recorded = try store.services()
        var last = try store.events().last?.id ?? 0
        var supervisorStillRunning: pid_t?
        if DeployLock.isHeld(stateDirectory: plan.stateDirectory), let supervisor = deployment.supervisorPid {
            let started = ProcessControl.startTime(of: supervisor)
            kill(supervisor, SIGTERM)
            let deadline = ContinuousClock.now + .seconds(60)
            while DeployLock.isHeld(stateDirectory: plan.stateDirectory), ContinuousClock.now < deadline {
                for event in try store.events(after: last) {
                    last = event.id ?? last
                    if event.kind == .step, event.text == "stopped" { progress("stopped \(event.service ?? "")") }
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            if DeployLock.isHeld(stateDirectory: plan.stateDirectory) { kill(supervisor, SIGKILL) }
            for event in try store.events(after: last) where event.kind == .step && event.text == "stopped" {
                progress("stopped \(event.service ?? "")")
            }
            // The supervisor releases the lock just before it exits, so the lock being free does
            // not yet mean the process is gone: "no process left" waits for that too.
            let exitDeadline = ContinuousClock.now + .seconds(5)
            while ProcessControl.isSame(supervisor, startedAt: started), ContinuousClock.now < exitDeadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            if ProcessControl.isSame(supervisor, startedAt: started) {
                kill(supervisor, SIGKILL)
                try await Task.sleep(for: .milliseconds(100))
                if ProcessControl.isSame(supervisor, startedAt: started) { supervisorStillRunning = supervisor }
            }
        }
        await stopLeftovers(plan, store: store, progress: progress)
        try store.updateDeployment {
            $0.status = .stopped
            $0.gatewayPid = nil
        }
        // Every process recorded before the stop, checked again now (by pid and start time).
        var alive = recorded.compactMap { service in
            service.pid.flatMap { ProcessControl.isSame($0, startedAt: service.pidStart) ? $0 : nil }
        }
        if let pid = deployment.gatewayPid, ProcessControl.isSame(pid, startedAt: deployment.gatewayStart) { alive.append(pid) }
        if let supervisorStillRunning { alive.append(supervisorStillRunning) }
        if let directory = deployment.postgresDirectory, let pid = PostgresServer.serverPid(directory: directory),
            ProcessControl.isAlive(pid)
        {
            alive.append(pid)
        }
        return alive
    }

    /// Stops what the state records as running when no supervisor looks after it (it was killed):
    /// services and nginx whose pid still names the process that was started, and the PostgreSQL
    /// server. A recycled pid is left alone.
    static func stopLeftovers(_ plan: DeploymentPlan, store: DeployStore, progress: (String) -> Void) async {
        for service in (try? store.services()) ?? [] {
            if let pid = service.pid, ProcessControl.isSame(pid, startedAt: service.pidStart) {
                await ProcessControl.stopGroup(pid)
                progress("stopped \(service.name) (left behind)")
            }
            try? store.updateService(service.name) {
                $0.pid = nil
                if $0.state != .failed { $0.state = .stopped }
            }
        }
        guard let deployment = try? store.deployment() else { return }
        if let pid = deployment.gatewayPid, ProcessControl.isSame(pid, startedAt: deployment.gatewayStart) {
            await ProcessControl.stopGroup(pid)
            progress("stopped gateway (left behind)")
        }
        if let directory = deployment.postgresDirectory, PostgresServer.serverPid(directory: directory).map(ProcessControl.isAlive) == true
        {
            await PostgresServer.stop(directory: directory, log: "\(plan.stateDirectory)/logs/databases.log")
            progress("stopped postgresql (left behind)")
        }
        try? store.updateDeployment { $0.gatewayPid = nil }
    }

    /// The log file of `service` ("gateway" and "supervisor" too).
    public static func logFile(_ plan: DeploymentPlan, service: String) throws -> String {
        let logs = "\(plan.stateDirectory)/logs"
        switch service {
        case "gateway": return "\(logs)/gateway-error.log"
        case "supervisor": return "\(logs)/supervisor.log"
        default:
            guard plan.service(service) != nil else { throw DeployError.unknownService(service, known: plan.services.map(\.name)) }
            return "\(logs)/\(service).log"
        }
    }
}

extension Supervisor {
    /// The body of the supervisor process: takes over the deploy lock, stops on SIGTERM, SIGINT or
    /// SIGHUP, and returns the exit status.
    public static func runProcess(
        directory: String,
        port: Int,
        registrationRate: String = GatewayTemplate.defaultRegistrationRate,
        tls: Bool = false,
        lockDescriptor: Int32
    ) async -> Int32 {
        let lock = DeployLock(descriptor: lockDescriptor)
        lock.closeOnExec()
        let plan: DeploymentPlan
        let store: DeployStore
        do {
            plan = try DeploymentPlan.load(directory)
            store = try DeployStore(stateDirectory: plan.stateDirectory)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 1
        }
        let supervisor = Supervisor(plan: plan, store: store, port: port, registrationRate: registrationRate, tls: tls)
        signal(SIGPIPE, SIG_IGN)
        let status = await supervisor.run(until: SignalStream.make([SIGTERM, SIGINT, SIGHUP]))
        lock.release()
        return status
    }
}

extension LocalDeployment {
    /// The secrets generated for the app.
    public static func secrets(_ plan: DeploymentPlan) throws -> [String: String] {
        guard let store = try DeployStore.existing(stateDirectory: plan.stateDirectory) else { throw DeployError.notDeployed(plan.name) }
        return try store.allSecrets()
    }
}
