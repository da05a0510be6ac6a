import Foundation
import GravitySystem
import GravityOrchestration
import GravityTestSupport
import Testing

/// What `deploy` does when things go wrong, with small hand-written services (plain python3, no
/// virtual environment) so each case is quick.
@Suite("gravity-team deploy (failures)", .serialized)
struct DeployFailureTests {
    static let server = """
        import http.server, os
        SICK = os.environ.get("MODE") == "sick"
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(500 if SICK else 200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"service": "%s"}' % os.environ["SERVICE_NAME"].encode())
            def log_message(self, *args):
                print(self.requestline, flush=True)
        print("starting", os.environ["SERVICE_NAME"], "with", os.environ.get("UPSTREAM_SERVICE_URL", "no upstream"), flush=True)
        if SICK:
            print("cannot reach the payment provider: connection refused", flush=True)
        http.server.HTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler).serve_forever()
        """

    /// A directory with `upstream` and `downstream` (which depends on upstream); `sick` makes
    /// downstream answer its health check with 500.
    static func services(sick: Bool) throws -> String {
        let root = try CLI.temporaryDirectory() + "/services"
        for (name, dependency) in [("upstream", nil), ("downstream", "upstream")] as [(String, String?)] {
            let folder = "\(root)/\(name)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try server.write(toFile: "\(folder)/server.py", atomically: true, encoding: .utf8)
            // Quick checks, so that the sick service fails in seconds; the healthy ones get a start
            // period, as a slow start on a busy machine is not what these tests are about.
            let startPeriod = sick && name == "downstream" ? 0 : 15
            var manifest = """
                name: \(name)
                version: 1.2.0
                command: [python3, server.py]
                api_prefix: /api/\(name)
                health_check: {endpoint: /health, interval: 0.2, timeout: 1, retries: 10, start_period: \(startPeriod)}

                """
            if let dependency { manifest += "dependencies:\n  - name: \(dependency)\n    version: \"^1.0.0\"\n" }
            if sick && name == "downstream" { manifest += "environment:\n  variables:\n    MODE: sick\n" }
            try manifest.write(toFile: "\(folder)/gravity-service.yaml", atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test("a service that fails its health check: deploy stops what it started, names it, shows its log, exits non-zero")
    func failingHealthCheck() async throws {
        let root = try Self.services(sick: true)
        let port = try PortAllocator.freePort()
        let outcome = try await CLI.run(["deploy", root, "--port", String(port)])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.hasPrefix("error: downstream failed its health check"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("HTTP 500"))
        #expect(outcome.stderr.contains("cannot reach the payment provider: connection refused"), "the last log lines are shown")
        #expect(outcome.stdout.range(of: "upstream +healthy after", options: .regularExpression) != nil, "\(outcome.stdout)")
        #expect(AppProcesses.alive(under: root).isEmpty, "\(AppProcesses.alive(under: root))")
        let status = try await CLI.run(["status", root])
        #expect(status.stdout.contains("services: failed"))
        #expect(status.stdout.range(of: "downstream +failed", options: .regularExpression) != nil)
        // The gateway never started (services come first), so the port says nothing about this app:
        // another test's service may have taken it since. What this app started is checked above.
    }

    @Test("hand-written services deploy in dependency order with each other's URLs, behind the gateway")
    func handWritten() async throws {
        let root = try Self.services(sick: false)
        let (outcome, port) = try await CLI.deploy(root)
        defer { _ = try? CLI.runToCleanUp(["stop", root]) }
        try #require(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("order: upstream, downstream"))
        let answer = try await LoopbackHTTP.request("GET", "http://127.0.0.1:\(port)/api/downstream/anything")
        #expect(answer.text == #"{"service": "downstream"}"#)
        let page = try await LoopbackHTTP.request("GET", "http://127.0.0.1:\(port)/")
        #expect(page.text.contains("/api/upstream/"), "without a frontend the gateway lists the routes")
        let logs = try await CLI.run(["logs", root, "downstream"])
        #expect(logs.stdout.contains("with http://127.0.0.1:"), "UPSTREAM_SERVICE_URL is injected")
        try await Self.followIntoFile(root: root)
        let stopped = try await CLI.run(["stop", root])
        #expect(stopped.stdout.contains("stopped downstream\n  stopped upstream\n  stopped gateway"), "\(stopped.stdout)")
        #expect(AppProcesses.alive(under: root).isEmpty)
    }

    /// `logs --follow` into a file (not a terminal) shows the last lines and what is added later
    /// while it runs, though it is stopped with a signal.
    private static func followIntoFile(root: String) async throws {
        let log = try LocalDeployment.logFile(try DeploymentPlan.load(root), service: "downstream")
        func append(_ line: String) throws {
            let appender = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            _ = try appender.seekToEnd()
            appender.write(Data("\(line)\n".utf8))
            try appender.close()
        }
        try append("a line written before following")
        let logged = try FileManager.default.attributesOfItem(atPath: log)[.size] as? UInt64 ?? 0
        // A few lines of tail, as the service may log a health check in between.
        let follower = try CLI.start(["logs", root, "downstream", "--follow", "--tail", "5"], in: root)
        func followed() -> String { (try? String(contentsOfFile: follower.output, encoding: .utf8)) ?? "" }
        // The follower prints the tail and then reads on from the end of the log: a line appended
        // before it got there would be skipped. Its read offset in the log says when it has; the
        // deadlines only end the wait for a follower that never gets there.
        try await Self.waitFor("the follower to read on from the end of the log") {
            (Self.readOffset(of: follower.pid, in: log) ?? 0) >= logged
        }
        try append("a line written while following")
        try await Self.waitFor("the follower to print the new line") { followed().contains("a line written while following") }
        follower.signal(SIGTERM)
        _ = await follower.exitCode()
        #expect(followed().contains("a line written before following\n"), "the tail: \(followed())")
        #expect(followed().contains("\na line written while following\n"), "what came later: \(followed())")
    }

    /// Waits until `condition` holds, which only another process can make true, polling it; fails
    /// after a deadline that only a hung process reaches on a loaded machine.
    static func waitFor(_ what: String, within limit: Duration = .seconds(60), _ condition: () -> Bool) async throws {
        if try await !Polling.until(within: limit, { condition() }) { Issue.record("timed out waiting for \(what)") }
    }

    /// Where process `pid` reads `file` through a descriptor of its own, from /proc/<pid>/fdinfo.
    static func readOffset(of pid: pid_t, in file: String) -> UInt64? {
        let target = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        for descriptor in descriptors {
            guard let opened = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(descriptor)"),
                opened == target,
                let info = try? String(contentsOfFile: "/proc/\(pid)/fdinfo/\(descriptor)", encoding: .utf8),
                let line = info.split(separator: "\n").first(where: { $0.hasPrefix("pos:") })
            else { continue }
            return UInt64(line.dropFirst("pos:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    @Test("after the supervisor is killed, stop (or a new deploy) stops what it left running")
    func supervisorKilled() async throws {
        let root = try Self.services(sick: false)
        let (first, port) = try await CLI.deploy(root)
        try #require(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        let status = try #require(try await CLI.json(CLI.run(["status", root, "--json"]).stdout) as? [String: Any])
        let pids = ((status["services"] as? [[String: Any]]) ?? []).compactMap { $0["pid"] as? Int }.map { Int32($0) }
        #expect(pids.count == 2)
        let supervisor = try #require(AppProcesses.alive(under: root).first { $0.contains(" supervise ") })
        let supervisorPID = Int32(supervisor.split(separator: ":")[0])!
        kill(supervisorPID, SIGKILL)
        // Anything set to end with the supervisor is signalled as it exits, before it can be seen
        // to have ended (gone or a zombie); the supervisor belongs to init, not to this process.
        try await Self.waitFor("the supervisor to end") { ProcessControl.hasEnded(supervisorPID) }
        #expect(pids.allSatisfy { !ProcessControl.hasEnded($0) }, "the services outlive their supervisor")

        // Status tells the truth about what is still running, unwatched, and how to stop it.
        let unsupervised = try await CLI.run(["status", root])
        #expect(unsupervised.stdout.contains("unsupervised: its supervisor is gone and 3 of its processes are left running"), "\(unsupervised.stdout)")
        #expect(unsupervised.stdout.range(of: "gateway +left running", options: .regularExpression) != nil, "\(unsupervised.stdout)")
        #expect(unsupervised.stdout.range(of: "upstream +left running", options: .regularExpression) != nil, "\(unsupervised.stdout)")
        let report = try #require(try await CLI.json(CLI.run(["status", root, "--json"]).stdout) as? [String: Any])
        #expect(report["left_running"] as? [String] == ["downstream", "gateway", "upstream"])
        #expect(try await CLI.run(["gateway", root]).stdout.contains("(left running without its supervisor"))

        // With a service killed too, the table and the JSON say the same thing, and the gateway still
        // lists the routes it serves.
        let upstreamPID = try #require(((report["services"] as? [[String: Any]]) ?? []).first { $0["name"] as? String == "upstream" }?["pid"] as? Int)
        kill(Int32(upstreamPID), SIGKILL)
        try await Self.waitFor("upstream to end") { ProcessControl.hasEnded(Int32(upstreamPID)) }
        let table = try await CLI.run(["status", root])
        #expect(table.stdout.range(of: "upstream +gone", options: .regularExpression) != nil, "\(table.stdout)")
        #expect(table.stdout.range(of: "downstream +left running", options: .regularExpression) != nil, "\(table.stdout)")
        let observed = try #require(try await CLI.json(CLI.run(["status", root, "--json"]).stdout) as? [String: Any])
        let states = Dictionary(
            uniqueKeysWithValues: ((observed["services"] as? [[String: Any]]) ?? []).map { ($0["name"] as? String ?? "", ($0["state"] as? String ?? "", $0["health"] as? String ?? "")) }
        )
        #expect(states["upstream"]?.0 == "gone" && states["upstream"]?.1 == "unknown", "\(states)")
        #expect(states["downstream"]?.0 == "left running" && states["downstream"]?.1 == "unknown", "\(states)")
        #expect(observed["gateway_state"] as? String == "left running")
        let routes = try await CLI.run(["gateway", root]).stdout
        #expect(routes.range(of: "/api/downstream/ +downstream +127.0.0.1:[0-9]+ +left running", options: .regularExpression) != nil, "\(routes)")
        #expect(routes.range(of: "/api/upstream/ +upstream +- +gone", options: .regularExpression) != nil, "\(routes)")
        #expect(!routes.contains("not deployed"), "\(routes)")

        let again = try await CLI.run(["deploy", root, "--port", String(port)])
        // A grace time is about time: measured on the command alone, which waits for no slot here.
        #expect(again.duration < .seconds(8), "leftovers stop within their grace time, not after it")
        #expect(again.status == 0, "\(again.stdout)\n\(again.stderr)")
        #expect(
            again.stdout.contains("stopped downstream (left behind)") && again.stdout.contains("stopped gateway (left behind)"),
            "\(again.stdout)"
        )
        // Ended: gone, or a zombie until init (their parent now) reaps it.
        #expect(pids.allSatisfy { ProcessControl.hasEnded($0) }, "the old processes are gone")
        let stopped = try await CLI.run(["stop", root])
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(AppProcesses.alive(under: root).isEmpty, "\(AppProcesses.alive(under: root))")
    }

    @Test("nginx killed is restarted by the supervisor, and the gateway row counts the restart and starts its uptime again")
    func gatewayRestarted() async throws {
        let root = try Self.services(sick: false)
        let (deployed, port) = try await CLI.deploy(root)
        defer { _ = try? CLI.runToCleanUp(["stop", root]) }
        try #require(deployed.status == 0, "\(deployed.stdout)\n\(deployed.stderr)")
        func report() async throws -> [String: Any] {
            try #require(try await CLI.json(CLI.run(["status", root, "--json"]).stdout) as? [String: Any])
        }
        let before = try await report()
        #expect(before["gateway_restarts"] as? Int == 0)
        let nginx = Int32(try #require(before["gateway_pid"] as? Int))
        let startedAt = try #require(before["gateway_started_at"] as? Double)
        kill(nginx, SIGKILL)
        // The supervisor notices within its watch interval and restarts nginx after a one-second backoff.
        var after = before
        try await Polling.until(every: .milliseconds(100)) {
            after = try await report()
            return after["gateway_restarts"] as? Int == 1 && (after["gateway_pid"] as? Int).map(Int32.init) != nginx
        }
        #expect(after["gateway_restarts"] as? Int == 1, "\(after)")
        #expect(after["gateway_state"] as? String == "running")
        #expect((after["gateway_started_at"] as? Double ?? 0) > startedAt, "the uptime starts again")
        let table = try await CLI.run(["status", root])
        #expect(table.stdout.range(of: "gateway +running +[0-9]+ +\(port) +- +1 +[0-9]+s ", options: .regularExpression) != nil, "\(table.stdout)")
        #expect(try await LoopbackHTTP.request("GET", "http://127.0.0.1:\(port)/api/upstream/health").status == 200)
    }

    @Test("a gateway port already in use is a clear error at once, not a hang")
    func portInUse() async throws {
        let root = try Self.services(sick: false)
        let listener = try Listener()
        defer { listener.close() }
        let outcome = try await CLI.run(["deploy", root, "--port", String(listener.port)])
        #expect(outcome.status != 0)
        #expect(outcome.stderr == "error: port \(listener.port) on 127.0.0.1 is already in use; pass --port with a free port\n")
        #expect(outcome.duration < .seconds(5), "nothing was started and waited for")
        #expect(AppProcesses.alive(under: root).isEmpty)
    }

    @Test("bad input: no such directory, no manifests, an unsatisfied dependency, a broken manifest")
    func badInput() async throws {
        let missing = try await CLI.run(["deploy", "/nonexistent/app"])
        #expect(missing.status != 0)
        #expect(missing.stderr == "error: /nonexistent/app: no such directory\n")
        let empty = try CLI.temporaryDirectory()
        let nothing = try await CLI.run(["deploy", empty])
        #expect(nothing.stderr.contains("nothing to deploy"))

        let root = try Self.services(sick: false)
        let upstream = "\(root)/upstream/gravity-service.yaml"
        try String(contentsOfFile: upstream, encoding: .utf8).replacingOccurrences(of: "version: 1.2.0", with: "version: 2.0.0")
            .write(toFile: upstream, atomically: true, encoding: .utf8)
        let unsatisfied = try await CLI.run(["deploy", root])
        #expect(unsatisfied.stderr == "error: downstream requires upstream ^1.0.0, but upstream is at 2.0.0\n")

        try "name: upstream\nversion: 1.0.0\ncommand: [python3]\nhealth_chek: {}\n".write(
            toFile: upstream,
            atomically: true,
            encoding: .utf8
        )
        let broken = try await CLI.run(["deploy", root])
        #expect(broken.stderr == "error: upstream/gravity-service.yaml:4: unknown field 'health_chek'\n")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/.gravity/deploy.lock"), "nothing was started")
    }
}

/// A TCP listener on a free loopback port, to occupy it.
final class Listener {
    let socket: Int32
    let port: Int

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socket = socket
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(socket, 4)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { Glibc.close(socket) }
}
