import Foundation
import GravityOrchestration
import GravityTestSupport
import Testing

/// An app developed (without running its own tests) and deployed behind its gateway on a free
/// loopback port, with its administrator signed in. The caller stops it (`stop()`, in a defer).
struct DeployedApp {
    let directory: String
    let path: String
    let base: String
    let adminToken: String

    /// `industry` (a shipped id or a file in `directory`) developed into `directory/name` and deployed;
    /// `check` looks at the generated files before the deploy.
    static func start(
        _ industry: String, named name: String, adminEmail: String, in directory: String, check: (String) throws -> Void = { _ in }
    ) async throws -> DeployedApp {
        let path = "\(directory)/\(name)"
        let developed = try await CLI.run(["develop", "--industry", industry, "--out", path, "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        try check(path)
        let (deployed, port) = try await CLI.deploy(path, in: directory)
        let base = "http://127.0.0.1:\(port)"
        let app = DeployedApp(directory: directory, path: path, base: base, adminToken: "")
        var ready = false
        // Whatever fails from here, nothing of the app is left running unless it is handed back.
        defer { if !ready { app.stop() } }
        try #require(deployed.status == 0, "\(deployed.stdout)\n\(deployed.stderr)")
        let status = try await CLI.run(["status", path, "--json", "--show-secrets"], in: directory)
        let report = try #require(try CLI.json(status.stdout) as? [String: Any])
        let password = try #require((report["secrets"] as? [String: String])?["ADMIN_PASSWORD"])
        let login = try await LoopbackHTTP.request("POST", "\(base)/api/auth/login", json: ["email": adminEmail, "password": password])
        let token = try #require((try login.json() as? [String: Any])?["access_token"] as? String, "\(login.text)")
        ready = true
        return DeployedApp(directory: directory, path: path, base: base, adminToken: token)
    }

    func stop() { _ = try? CLI.runToCleanUp(["stop", path], in: directory) }

    /// A new account registered through the gateway (the least privileged role, or `role` given by
    /// the administrator), signed in: its token.
    func signUp(_ email: String, role: String? = nil) async throws -> String {
        let identity = "\(base)/api/auth"
        let credentials = ["email": email, "password": "a long enough password"]
        let registered = try await LoopbackHTTP.request(
            "POST", "\(identity)/register", json: credentials.merging(["display_name": "Test Person"]) { first, _ in first })
        let account = try #require((try registered.json() as? [String: Any])?["id"] as? Int, "\(registered.text)")
        if let role {
            let promoted = try await LoopbackHTTP.request("PUT", "\(identity)/accounts/\(account)/role", json: ["role": role], token: adminToken)
            try #require(promoted.status == 200, "\(promoted.text)")
        }
        let login = try await LoopbackHTTP.request("POST", "\(identity)/login", json: credentials)
        return try #require((try login.json() as? [String: Any])?["access_token"] as? String, "\(login.text)")
    }
}
