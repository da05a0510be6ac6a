import Foundation
import GravitySystem

/// `gravity-team serve --port 0` started for a test in `directory` (its history is the directory's),
/// with the address it printed once listening. `stop` ends it; call it from a `defer`.
struct RunningDashboard {
    let server: CLI.Started
    let base: String

    static func start(in directory: String) async throws -> RunningDashboard {
        let server = try CLI.start(["serve", "--port", "0"], in: directory)
        do {
            let base = try await poll("serve to listen") {
                let output = (try? String(contentsOfFile: server.output, encoding: .utf8)) ?? ""
                return output.firstMatch(of: /Serving on (http:\/\/127\.0\.0\.1:[0-9]+)\//).map { String($0.1) }
            }
            return RunningDashboard(server: server, base: base)
        } catch {
            server.signal(SIGTERM)
            throw error
        }
    }

    func stop() {
        server.signal(SIGTERM)
        _ = ChildProcess.exitCodeBlocking(of: server.pid)
    }

    /// The path of the live page of the run under way, once the index lists it.
    func livePage() async throws -> String {
        try await Self.poll("the run under way on the index") {
            let index = try await LoopbackHTTP.request("GET", "\(base)/")
            return index.text.firstMatch(of: /href="(\/live\/[0-9]+)"/).map { String($0.1) }
        }
    }

    /// The HTTP status code curl gets for `arguments` (for what URLSession will not send: another
    /// Host header, a form post).
    static func statusCode(_ arguments: [String]) async throws -> String {
        let directory = try CLI.temporaryDirectory()
        let pid = try ProcessControl.spawn(
            "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}"] + arguments,
            environment: [:], directory: directory, logFile: "\(directory)/out"
        )
        _ = await ChildProcess.exitCode(of: pid)
        return try String(contentsOfFile: "\(directory)/out", encoding: .utf8)
    }

    static func poll<T>(_ what: String, _ probe: () async throws -> T?) async throws -> T {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let value = try? await probe() { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Browser.Failure(description: "timed out waiting for \(what)")
    }
}
