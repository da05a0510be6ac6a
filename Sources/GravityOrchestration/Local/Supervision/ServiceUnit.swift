import Foundation
import GravityDeployContract
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// One service process of a local deployment: started with its launch, healthy within its health
/// check's budget, then watched. One that exits or fails its health checks is restarted, with the
/// backoff its `RestartPolicy` gives.
actor ServiceUnit: SupervisedUnit {
    nonisolated let name: String
    let directory: String
    /// How it is started: replaced when an update brings the service's new files.
    private(set) var launch: ServiceLaunch
    let check: ServiceManifest.HealthCheck
    let logDirectory: String
    let journal: DeployJournal
    /// One probe (one URLSession) for every unit of the deployment.
    let probe: HealthProbe

    private var pid: pid_t?
    private var restarts = 0
    private var restart = RestartPolicy<ContinuousClock.Instant>()
    private var healthySince: ContinuousClock.Instant?
    private var nextCheck = ContinuousClock.now
    private var failedChecks = 0
    private var startedAt: ContinuousClock.Instant?
    /// While an update replaces the process, the watch leaves it alone.
    private var replacing = false

    init(service: DeploymentPlan.Service, launch: ServiceLaunch, logDirectory: String, journal: DeployJournal, probe: HealthProbe) {
        self.probe = probe
        self.name = service.name
        self.directory = service.directory
        self.launch = launch
        self.check = service.manifest.healthCheck
        self.logDirectory = logDirectory
        self.journal = journal
    }

    private var store: DeployStore { journal.store }
    private var logFile: String { "\(logDirectory)/\(name).log" }

    func start(attempt: Int) throws {
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
            launch.executable, launch.arguments, environment: launch.environment, directory: directory, logFile: logFile
        )
        self.pid = pid
        startedAt = .now
        healthySince = nil
        failedChecks = 0
        let start = ProcessControl.startTime(of: pid)
        try store.updateService(name) { [port = launch.port, fingerprint = launch.fingerprint] in
            $0.fingerprint = fingerprint
            $0.state = .starting
            $0.pid = pid
            $0.pidStart = start
            $0.port = port
            $0.health = .unknown
            $0.startedAt = Date().timeIntervalSince1970
        }
        journal.event(.step, name, "started on 127.0.0.1:\(launch.port) (pid \(pid))")
    }

    /// Polls the health endpoint until it answers, the process exits, or the health check's budget
    /// (start period + interval × retries) runs out.
    func awaitHealthy() async throws {
        guard let pid else { return }
        let started = ContinuousClock.now
        let deadline = started + .seconds(check.startupBudget)
        var lastProblem = "no answer yet"
        while ContinuousClock.now < deadline {
            try Task.checkInterrupted()
            if let exit = ProcessControl.exitStatus(of: pid) {
                self.pid = nil
                try? store.updateService(name) {
                    $0.state = .failed
                    $0.pid = nil
                    $0.lastExit = exit
                }
                throw failure("\(exit) before it was healthy")
            }
            switch await probe.check(launch.healthURL, timeout: check.timeout) {
            case .healthy:
                healthySince = .now
                nextCheck = .now + .seconds(check.interval)
                try store.updateService(name) {
                    $0.state = .running
                    $0.health = .healthy
                }
                journal.event(.step, name, String(format: "healthy after %.1f s (%@)", (ContinuousClock.now - started).seconds, launch.healthURL))
                return
            case .unhealthy(let problem):
                lastProblem = problem
            }
            try await Task.sleepUnlessInterrupted(for: .milliseconds(100))
        }
        try? store.updateService(name) {
            $0.state = .failed
            $0.health = .unhealthy
        }
        throw failure(
            String(
                format: "failed its health check (%@) for %.0f s: %@", launch.healthURL, (ContinuousClock.now - started).seconds, lastProblem
            )
        )
    }

    /// A service failure with the last lines of its log.
    private func failure(_ reason: String) -> DeployError {
        // The health checks' own requests would crowd out what the service said about its trouble.
        let probe = "GET \(check.endpoint)"
        let lines = LogFile.tail(logFile, lines: 400).filter { !$0.hasPrefix("---- gravity-team:") && !$0.contains(probe) }.suffix(12)
        let log = lines.isEmpty ? "" : "\nlast lines of .gravity/logs/\(name).log:\n" + lines.map { "  | \($0)" }.joined(separator: "\n")
        return DeployError.serviceFailed(service: name, reason: reason + log)
    }

    func run() async {
        await watching(every: .milliseconds(100)) { await watch() }
    }

    /// Stops the process and starts it again with `launch` (the service's new files, and perhaps a
    /// new Python environment), waiting for its health check as at deploy.
    func replace(with launch: ServiceLaunch) async throws {
        replacing = true
        defer { replacing = false }
        if let pid {
            try? store.updateService(name) { $0.state = .stopping }
            await ProcessControl.stopGroup(pid)
            self.pid = nil
        }
        self.launch = launch
        restart = RestartPolicy()
        do {
            try start(attempt: 0)
            try await awaitHealthy()
        } catch {
            // Watched again as before: a process that ended is restarted with the backoff, one that
            // never answered is stopped and restarted.
            if let pid { await ProcessControl.stopGroup(pid) }
            scheduleRestart(because: "not healthy after its update (\(error))")
            throw error
        }
    }

    private func watch() async {
        guard !replacing else { return }
        let now = ContinuousClock.now
        if let pid, let exit = ProcessControl.exitStatus(of: pid) {
            // Whatever the leader forked (workers holding the port) goes with it.
            await ProcessControl.stopGroup(pid, grace: .seconds(1))
            // An update may have replaced the process while this one was stopped: that one stands.
            guard isCurrent(pid) else { return }
            scheduleRestart(because: exit)
            return
        }
        if pid == nil, restart.takeIfDue(at: now) {
            restarts += 1
            try? store.updateService(name) { [restarts] in $0.restarts = restarts }
            do {
                try start(attempt: restarts)
            } catch {
                scheduleRestart(because: "could not be started (\(error))")
            }
            return
        }
        guard let pid, now >= nextCheck else { return }
        nextCheck = now + .seconds(healthySince == nil ? 0.2 : check.interval)
        let result = await probe.check(launch.healthURL, timeout: check.timeout)
        guard isCurrent(pid) else { return }
        switch result {
        case .healthy:
            if healthySince == nil {
                healthySince = .now
                journal.event(.restart, name, "healthy again after restart \(restarts)")
            }
            failedChecks = 0
            if let healthySince { restart.stayedHealthy(since: healthySince, at: .now) }
            try? store.updateService(name) {
                $0.state = .running
                $0.health = .healthy
            }
        case .unhealthy(let problem):
            guard healthySince != nil else {
                // Restarted but not healthy yet: give it the same budget as at deploy, then restart again.
                if let startedAt, ContinuousClock.now - startedAt > .seconds(check.startupBudget) {
                    await ProcessControl.stopGroup(pid)
                    guard isCurrent(pid) else { return }
                    scheduleRestart(because: "not healthy within \(Int(check.startupBudget)) s of its restart (\(problem))")
                }
                return
            }
            failedChecks += 1
            try? store.updateService(name) { $0.health = .unhealthy }
            if failedChecks >= check.retries {
                await ProcessControl.stopGroup(pid)
                guard isCurrent(pid) else { return }
                scheduleRestart(because: "failed \(failedChecks) health checks in a row (\(problem))")
            }
        }
    }

    /// Whether `pid` is still the process this unit watches, and no update is replacing it.
    private func isCurrent(_ pid: pid_t) -> Bool { !replacing && self.pid == pid }

    /// Backoff as `RestartPolicy` says: 1 s, 2 s, 4 s ... up to 30 s; reset after a minute of good health.
    private func scheduleRestart(because reason: String) {
        pid = nil
        healthySince = nil
        let delay = restart.crashed(at: .now).seconds
        try? store.updateService(name) {
            $0.state = .crashed
            $0.pid = nil
            $0.health = .unhealthy
            $0.lastExit = reason
        }
        journal.event(.restart, name, String(format: "%@; restarting in %.0f s", reason, delay))
    }

    func stop(announce: Bool) async {
        guard let pid else {
            try? store.updateService(name) {
                if $0.state != .failed { $0.state = .stopped }
                $0.pid = nil
            }
            return
        }
        try? store.updateService(name) { $0.state = .stopping }
        await ProcessControl.stopGroup(pid)
        self.pid = nil
        try? store.updateService(name) {
            $0.state = .stopped
            $0.pid = nil
            $0.health = .unknown
        }
        if announce { journal.event(.step, name, "stopped") }
    }
}
