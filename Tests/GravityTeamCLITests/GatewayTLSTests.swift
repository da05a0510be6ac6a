import Foundation
import GravitySystem
import GravityOrchestration
import Testing

/// `deploy --tls`: the local gateway of an app whose team adopted security.tls_at_gateway serves
/// HTTPS with a certificate made at deploy; an app without it is refused in one line.
@Suite("Gateway TLS")
struct GatewayTLSTests {
    /// curl's answer status (0 when it could not connect or trust the certificate) and headers.
    private func curl(_ arguments: [String]) async throws -> (status: Int, headers: String) {
        let outcome = try await ProcessRunner.run(
            "/usr/bin/env",
            ["curl", "--silent", "--max-time", "10", "--output", "/dev/null", "--dump-header", "-", "--write-out", "\n%{http_code}"] + arguments,
            timeout: .seconds(20)
        )
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    @Test("the finance app behind an HTTPS gateway: trusted with its certificate, refused over plain HTTP")
    func https() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "finance", "--out", "bank", "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        let (deployed, port) = try await CLI.deploy("bank", ["--tls"], in: directory)
        defer { _ = try? CLI.runToCleanUp(["stop", "bank"], in: directory) }
        try #require(deployed.status == 0, "\(deployed.stdout)\n\(deployed.stderr)")
        #expect(deployed.stdout.contains("Open https://127.0.0.1:\(port)/"))

        let certificate = "\(directory)/bank/.gravity/tls/gateway.crt"
        let page = try await curl(["--cacert", certificate, "https://127.0.0.1:\(port)/"])
        #expect(page.status == 200)
        // Through the gateway to a service: the accounts list wants a token.
        let api = try await curl(["--cacert", certificate, "https://localhost:\(port)/api/accounts/accounts"])
        #expect(api.status == 401)
        #expect(api.headers.lowercased().contains("x-request-id:"), "the team adopted request logging: \(api.headers)")
        #expect(try await curl(["https://127.0.0.1:\(port)/"]).status == 0, "a client that does not trust the certificate gets nothing")
        #expect(try await curl(["http://127.0.0.1:\(port)/"]).status == 400, "plain HTTP to the HTTPS port")
        let status = try await CLI.run(["status", "bank"], in: directory)
        #expect(status.stdout.contains("running on https://127.0.0.1:\(port)/"))
    }

    @Test("deploy --tls of an app whose team did not adopt TLS at the gateway is refused in one line")
    func refusedWithoutThePractice() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "general", "--out", "work", "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/work/blueprint.json"))
        var blueprint = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        var security = try #require(blueprint["security"] as? [String: Any])
        security["practices"] = (security["practices"] as? [String] ?? []).filter { $0 != "security.tls_at_gateway" }
        blueprint["security"] = security
        try JSONSerialization.data(withJSONObject: blueprint).write(to: URL(fileURLWithPath: "\(directory)/plain.json"))
        let generated = try await CLI.run(["generate", "plain.json", "--out", "plain", "--no-verify"], in: directory)
        try #require(generated.status == 0, "\(generated.stderr)")
        let (deployed, _) = try await CLI.deploy("plain", ["--tls"], in: directory)
        defer { _ = try? CLI.runToCleanUp(["stop", "plain"], in: directory) }
        #expect(deployed.status != 0)
        #expect(deployed.stderr.contains("has no TLS server (its team did not adopt security.tls_at_gateway)"), "\(deployed.stderr)")
        #expect(deployed.stderr.split(separator: "\n").count == 1)
    }
}
