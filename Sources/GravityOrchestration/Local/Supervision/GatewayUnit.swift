import Foundation
import GravityDeployContract
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// The app's nginx gateway: configured for the services' ports, started once every service is
/// healthy, watched, and restarted with backoff when it exits.
actor GatewayUnit: SupervisedUnit {
    nonisolated let name = "gateway"
    let plan: DeploymentPlan
    let port: Int
    /// How often one client address may register an account, in nginx's words ("10r/m").
    let registrationRate: String
    /// Whether the gateway serves HTTPS, with a certificate made at deploy.
    let tls: Bool
    let journal: DeployJournal
    /// One probe (one URLSession) for every unit of the deployment.
    let probe: HealthProbe

    private var nginx: NginxGateway.Binary?
    private var pid: pid_t?
    private var restart = RestartPolicy<ContinuousClock.Instant>()

    init(plan: DeploymentPlan, port: Int, registrationRate: String, tls: Bool, journal: DeployJournal, probe: HealthProbe) {
        self.probe = probe
        self.plan = plan
        self.port = port
        self.registrationRate = registrationRate
        self.tls = tls
        self.journal = journal
    }

    nonisolated var url: String { "\(tls ? "https" : "http")://127.0.0.1:\(port)/" }
    private var store: DeployStore { journal.store }
    private var gateway: NginxGateway { NginxGateway(stateDirectory: plan.stateDirectory) }

    /// Starts nginx with routes to the services on `ports`, and waits (10 s at most) until it answers.
    func start(ports: [String: Int]) async throws {
        let frontend = try plan.frontend ?? placeholderFrontend()
        let certificate = tls ? try await GatewayCertificate.make(in: "\(plan.stateDirectory)/tls") : nil
        let configuration = try GatewayConfiguration(
            plan: plan, port: port, registrationRate: registrationRate, upstreams: ports, frontendDirectory: frontend, certificate: certificate
        )
        .render()
        let nginx = try await gateway.prepare(configuration)
        self.nginx = nginx
        guard PortAllocator.isFree(port) else { throw DeployError.portInUse(port) }
        let pid = try gateway.start(nginx)
        self.pid = pid
        let start = ProcessControl.startTime(of: pid)
        try store.updateDeployment {
            $0.gatewayPid = pid
            $0.gatewayStart = start
            $0.gatewayStartedAt = Date().timeIntervalSince1970
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let exit = ProcessControl.exitStatus(of: pid) {
                self.pid = nil
                let problem = LogFile.tail("\(plan.stateDirectory)/logs/gateway-error.log", lines: 1).first ?? ""
                throw DeployError.gatewayExited(exit: exit, problem: problem)
            }
            // Over HTTPS the probe would not trust the certificate made here: listening is the sign then.
            if tls ? !PortAllocator.isFree(port) : await probe.check(url, timeout: 1) == .healthy {
                journal.event(.step, nil, "gateway: nginx on \(url) (pid \(pid)), \(plan.routes.count) routes")
                return
            }
            try await Task.sleepUnlessInterrupted(for: .milliseconds(50))
        }
        throw DeployError.gatewaySilent(url: url)
    }

    /// For services without a frontend: a page that lists the routes.
    private func placeholderFrontend() throws -> String {
        let directory = "\(plan.stateDirectory)/frontend"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let items = plan.routes.map { "<li><code>\($0.prefix)/</code> → \($0.service)</li>" }.joined(separator: "\n")
        let page = "<!doctype html>\n<meta charset=\"utf-8\">\n<title>\(plan.name)</title>\n<h1>\(plan.name)</h1>\n<ul>\n\(items)\n</ul>\n"
        try page.write(toFile: "\(directory)/index.html", atomically: true, encoding: .utf8)
        return directory
    }

    func run() async {
        await watching(every: .milliseconds(100)) { await watch() }
    }

    private func watch() async {
        guard let nginx else { return }
        if let pid {
            guard let exit = ProcessControl.exitStatus(of: pid) else { return }
            await ProcessControl.stopGroup(pid, grace: .seconds(1))
            self.pid = nil
            let delay = restart.crashed(at: .now).seconds
            try? store.updateDeployment { $0.gatewayPid = nil }
            journal.event(.restart, name, String(format: "nginx %@; restarting in %.0f s", exit, delay))
            return
        }
        guard restart.takeIfDue(at: .now) else { return }
        do {
            let pid = try gateway.start(nginx)
            self.pid = pid
            let start = ProcessControl.startTime(of: pid)
            try? store.updateDeployment {
                $0.gatewayPid = pid
                $0.gatewayStart = start
                $0.gatewayRestarts += 1
                $0.gatewayStartedAt = Date().timeIntervalSince1970
            }
            journal.event(.step, name, "restarted nginx (pid \(pid))")
        } catch {
            _ = restart.crashed(at: .now)
            journal.event(.restart, name, "nginx could not be started: \(error)")
        }
    }

    func stop(announce: Bool) async {
        guard let pid else { return }
        await ProcessControl.stopGroup(pid)
        self.pid = nil
        try? store.updateDeployment { $0.gatewayPid = nil }
        if announce { journal.event(.step, name, "stopped") }
    }
}
