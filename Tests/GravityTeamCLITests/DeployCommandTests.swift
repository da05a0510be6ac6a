import Foundation
import GravitySystem
import GravityOrchestration
import GravityTestSupport
import Testing

/// `deploy`, `status`, `logs`, `gateway` and `stop` against real processes: generated FastAPI
/// services, a real nginx, SQLite files and a private PostgreSQL server, all on loopback.
@Suite("gravity-team deploy (local)", .serialized)
struct DeployCommandTests {
    @Test("ecommerce end to end: seeded products through the gateway, authenticated create, the pages in Chromium used as a shopper and an administrator would, stop leaves nothing")
    func ecommerce() async throws {
        let directory = try CLI.temporaryDirectory()
        let app = "\(directory)/shop"
        let developed = try await CLI.run(["develop", "--industry", "ecommerce", "--out", app], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        // scripts/test has the deployed apps run one worker each; this one runs deploy's default, a worker per core.
        let (deployed, port) = try await CLI.deploy(app, in: directory, environment: ["WEB_CONCURRENCY": ""])
        let base = "http://127.0.0.1:\(port)"
        defer { _ = try? CLI.runToCleanUp(["stop", app], in: directory) }
        try #require(deployed.status == 0, "\(deployed.stdout)\n\(deployed.stderr)")
        #expect(deployed.stdout.contains("gravity-shop is up on \(base)/"))
        for service in ["identity", "catalog", "customers", "orders"] {
            #expect(
                deployed.stdout.contains("\(service)    healthy after") || deployed.stdout.contains("\(service) healthy after")
                    || deployed.stdout.range(of: "\(service) +healthy after", options: .regularExpression) != nil
            )
        }

        // Every answer carries the security headers and names no nginx version; registration is rate limited.
        for path in ["/", "/api/catalog/products", "/api/nothing"] {
            let answer = try await LoopbackHTTP.request("GET", base + path)
            #expect(answer.headers["content-security-policy"]?.contains("script-src 'self'") == true, "\(path)")
            #expect(answer.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true, "\(path)")
            #expect(answer.headers["x-content-type-options"] == "nosniff", "\(path)")
            #expect(answer.headers["x-frame-options"] == "DENY", "\(path)")
            #expect(answer.headers["referrer-policy"] == "no-referrer", "\(path)")
            #expect(answer.headers["server"] == "nginx", "\(path): \(answer.headers["server"] ?? "none")")
        }

        // The product list is the seed data, through the gateway.
        let seed = try String(contentsOfFile: "\(app)/services/catalog/db/seed/sqlite.sql", encoding: .utf8)
        let seededNames = Self.productNames(inSeed: seed)
        try #require(seededNames.count >= 10)
        let listed = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/products?page_size=200")
        #expect(listed.status == 200)
        let items = try #require((try listed.json() as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["name"] as? String }.sorted() == seededNames.sorted())

        // Without a token a create is refused; with the admin's token it is made and then listed.
        let product: [String: Any] = [
            "sku": "TEST-777", "name": "Deploy Test Lamp", "price": 19.5, "stock": 3, "status": "active", "category_id": 1,
        ]
        let anonymous = try await LoopbackHTTP.request("POST", "\(base)/api/catalog/products", json: product)
        #expect(anonymous.status == 401)
        let status = try await CLI.run(["status", app, "--json", "--show-secrets"], in: directory)
        let report = try #require(try CLI.json(status.stdout) as? [String: Any])
        let password = try #require((report["secrets"] as? [String: String])?["ADMIN_PASSWORD"])
        let login = try await LoopbackHTTP.request(
            "POST",
            "\(base)/api/auth/login",
            json: ["email": "admin@gravity-shop.example", "password": password]
        )
        #expect(login.status == 200, "\(login.text)")
        let token = try #require((try login.json() as? [String: Any])?["access_token"] as? String)
        let created = try await LoopbackHTTP.request("POST", "\(base)/api/catalog/products", json: product, token: token)
        #expect(created.status == 201, "\(created.text)")
        let afterwards = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/products?page_size=200")
        #expect(afterwards.text.contains("Deploy Test Lamp"))

        // Each service's API description and docs page, through the gateway, the page's files from the service itself.
        for prefix in ["/api/auth", "/api/catalog", "/api/customers", "/api/orders"] {
            let description = try await LoopbackHTTP.request("GET", "\(base)\(prefix)/openapi.json")
            #expect(try description.status == 200 && (description.json() as? [String: Any])?["paths"] != nil, "\(prefix): \(description.text.prefix(200))")
            let docs = try await LoopbackHTTP.request("GET", "\(base)\(prefix)/docs")
            #expect(docs.status == 200 && docs.text.contains("\(prefix)/docs/assets/swagger-ui-bundle.js"), "\(prefix): \(docs.text.prefix(300))")
            #expect(try await LoopbackHTTP.request("GET", "\(base)\(prefix)/docs/assets/swagger-ui-bundle.js").status == 200)
        }
        // And the docs page works in a browser under the gateway's Content-Security-Policy (no inline script, nothing from a CDN).
        let docsScreenshot = "\(CLI.repositoryRoot)/.build/test-artifacts/deploy-ecommerce-docs.png"
        let docsPage = try await Chromium.render("\(base)/api/catalog/docs", screenshot: docsScreenshot)
        #expect(docsPage.contains("/api/catalog/products"), "Swagger UI lists the catalog's routes: \(docsPage.prefix(400))")

        // The page, in headless Chromium, shows the products; the screenshot is kept.
        let screenshot = "\(CLI.repositoryRoot)/.build/test-artifacts/deploy-ecommerce-products.png"
        let dom = try await Chromium.render("\(base)/#/products", screenshot: screenshot)
        #expect(dom.contains("Wireless Noise-Cancelling Headphones"), "the products page does not show the seeded products")
        #expect(FileManager.default.fileExists(atPath: screenshot))
        try await FrontendJourney.shopperAndAdministrator(
            base: base, adminEmail: "admin@gravity-shop.example", adminPassword: password, adminToken: token)

        // The journey ran under that Content-Security-Policy. Past a burst of 5, registrations from one
        // address are turned away at the gateway (the default rate is 10 a minute).
        var registrations: [Int] = []
        for _ in 0..<8 { registrations.append(try await LoopbackHTTP.request("POST", "\(base)/api/auth/register", json: [:]).status) }
        #expect(registrations.contains(429), "\(registrations)")
        #expect(registrations.allSatisfy { $0 == 422 || $0 == 429 }, "\(registrations)")

        // status, gateway, a second deploy, a crash and its restart, logs.
        let table = try await CLI.run(["status", app], in: directory)
        #expect(table.stdout.contains("gravity-shop: running on \(base)/"))
        #expect(table.stdout.range(of: "catalog +running", options: .regularExpression) != nil)
        let routes = try await CLI.run(["gateway", app], in: directory)
        #expect(
            routes.stdout.range(of: "/api/catalog/ +catalog +127.0.0.1:[0-9]+ +running", options: .regularExpression) != nil,
            "\(routes.stdout)"
        )
        let again = try await CLI.run(["deploy", app, "--port", String(port)], in: directory)
        #expect(again.status == 0)
        #expect(again.stdout.contains("gravity-shop is already running on \(base)/"))
        let elsewhere = try await CLI.run(["deploy", app, "--port", String(port == 65_535 ? port - 1 : port + 1)], in: directory)
        #expect(elsewhere.status != 0, "another port is not silently ignored")
        #expect(elsewhere.stderr.contains("is already running on \(base)/, not on port"), "\(elsewhere.stderr)")

        let catalog = try #require((report["services"] as? [[String: Any]])?.first { $0["name"] as? String == "catalog" })
        let pid = try #require(catalog["pid"] as? Int)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if cores > 1 {
            // uvicorn's supervisor and a worker per core (and multiprocessing's resource tracker), in one group.
            let processes = ProcessControl.residentMemory(ofGroup: Int32(pid))?.processes ?? 0
            #expect(processes > cores, "the catalog runs a worker per core: \(processes) processes in its group")
        }
        // Killing the supervisor leaves its workers holding the port; the restart stops them first.
        kill(Int32(pid), SIGKILL)
        // Only the supervisor, another process, restarts it: its status is polled, under a deadline
        // that a working supervisor on a busy machine does not reach.
        var restarted: [String: Any]?
        let deadline = ContinuousClock.now + .seconds(90)
        while ContinuousClock.now < deadline {
            let now = try await CLI.json(CLI.run(["status", app, "--json"], in: directory).stdout) as? [String: Any]
            restarted = (now?["services"] as? [[String: Any]])?.first { $0["name"] as? String == "catalog" }
            if restarted?["restarts"] as? Int == 1, restarted?["health"] as? String == "healthy" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(restarted?["restarts"] as? Int == 1)
        #expect(restarted?["health"] as? String == "healthy")
        #expect(restarted?["pid"] as? Int != pid)
        let logs = try await CLI.run(["logs", app, "catalog"], in: directory)
        #expect(logs.stdout.contains("(restart 1)"))

        // The dashboard shows the app deploy recorded in the history, with the restart.
        let dashboard = try await RunningDashboard.start(in: directory)
        defer { dashboard.stop() }
        let served = try await LoopbackHTTP.request("GET", "\(dashboard.base)/")
        #expect(served.text.contains("<h3>gravity-shop</h3>") && served.text.contains("open <a href=\"\(base)/\">"), "\(served.text)")
        #expect(served.text.contains("<tr><th scope=\"row\">catalog</th><td class=\"up\">running</td><td>healthy</td><td>1</td>"), "\(served.text)")

        // stop: nothing of the app is left running, and the gateway no longer answers.
        let recorded = ((report["services"] as? [[String: Any]]) ?? []).compactMap { $0["pid"] as? Int }.map { Int32($0) }
        let stopped = try await CLI.run(["stop", app], in: directory)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stdout.contains("no process of it is left"))
        #expect(AppProcesses.alive(under: app, pids: recorded).isEmpty, "\(AppProcesses.alive(under: app, pids: recorded))")
        #expect(PortAllocator.isFree(port))
        let after = try await CLI.run(["status", app], in: directory)
        #expect(after.stdout.contains("gravity-shop: stopped"))
    }

    @Test("a PostgreSQL-backed service (finance's ledger) deploys against the app's private PostgreSQL server")
    func postgres() async throws {
        let directory = try CLI.temporaryDirectory()
        let app = "\(directory)/bank"
        let developed = try await CLI.run(["develop", "--industry", "finance", "--out", app], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        let manifest = try String(contentsOfFile: "\(app)/services/ledger/gravity-service.yaml", encoding: .utf8)
        try #require(manifest.contains("type: postgresql"))
        let (deployed, port) = try await CLI.deploy(app, in: directory)
        defer { _ = try? CLI.runToCleanUp(["stop", app], in: directory) }
        try #require(deployed.status == 0, "\(deployed.stdout)\n\(deployed.stderr)")
        #expect(deployed.stdout.contains("database ledger_db (postgresql): migrations applied: 0001_init.sql; seed data loaded"))
        #expect(deployed.stdout.contains("postgresql: listening on 127.0.0.1:"))

        let status = try await CLI.run(["status", app, "--json", "--show-secrets"], in: directory)
        let report = try #require(try CLI.json(status.stdout) as? [String: Any])
        let password = try #require((report["secrets"] as? [String: String])?["ADMIN_PASSWORD"])
        let login = try await LoopbackHTTP.request(
            "POST",
            "http://127.0.0.1:\(port)/api/auth/login",
            json: ["email": "admin@gravity-bank.example", "password": password]
        )
        let token = try #require((try login.json() as? [String: Any])?["access_token"] as? String)
        let statements = try await LoopbackHTTP.request("GET", "http://127.0.0.1:\(port)/api/ledger/statements?page_size=200", token: token)
        #expect(statements.status == 200, "\(statements.text)")
        let items = try #require((try statements.json() as? [String: Any])?["items"] as? [[String: Any]])
        #expect(!items.isEmpty, "the seeded statements come from PostgreSQL")

        let stopped = try await CLI.run(["stop", app], in: directory)
        #expect(stopped.stdout.contains("stopped postgresql"))
        #expect(AppProcesses.alive(under: app).isEmpty)

        // A second deployment finds its databases migrated: nothing is applied twice.
        let second = try await CLI.run(["deploy", app, "--port", String(port)], in: directory)
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(second.stdout.contains("database ledger_db (postgresql): migrations up to date"))
        _ = try await CLI.run(["stop", app], in: directory)
    }

    @Test(
        "a data directory that turns read-only: health says so, writes are 503, the supervisor restarts the service until it can write again, and deploy refuses it",
        .enabled(if: getuid() == 0, "making a directory immutable (chattr +i) takes root")
    )
    func readOnlyData() async throws {
        let directory = try CLI.temporaryDirectory()
        let app = "\(directory)/tracker"
        let developed = try await CLI.run(["develop", "--industry", "general", "--out", app], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        // A quicker health check for the identity service, so that three failures take seconds, not a
        // minute; its start period keeps a slow start on a busy machine from failing the deploy.
        let manifest = "\(app)/services/identity/gravity-service.yaml"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "  interval: 5\n", with: "  interval: 1\n")
            .replacingOccurrences(of: "  retries: 10\n", with: "  retries: 3\n  start_period: 30\n")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let (deployed, port) = try await CLI.deploy(app, in: directory)
        let base = "http://127.0.0.1:\(port)"
        defer { _ = try? CLI.runToCleanUp(["stop", app], in: directory) }
        try #require(deployed.status == 0, "\(deployed.stdout)\n\(deployed.stderr)")

        // Root can write anywhere, so the directory, the databases and their write-ahead logs are made
        // immutable (no file may be made there, none written), as a read-only disk would. The shared
        // memory files stay as they are: SQLite maps them, and readers still read.
        let data = "\(app)/.gravity/data"
        func immutable(_ on: Bool) async throws -> Int32 {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: data)) ?? [])
                .filter { !$0.hasSuffix("-shm") }.sorted().map { "\(data)/\($0)" }
            let started = try ProcessControl.spawn(
                "/usr/bin/chattr", [on ? "+i" : "-i", data] + files, environment: [:], directory: directory, logFile: "\(directory)/chattr.log")
            return await ChildProcess.exitCode(of: started)
        }
        try #require(try await immutable(true) == 0, "chattr +i needs root and ext4: \((try? String(contentsOfFile: "\(directory)/chattr.log", encoding: .utf8)) ?? "")")
        defer {
            // Whatever happened, the directory is left writable, or nothing could remove it.
            if let pid = try? ProcessControl.spawn("/usr/bin/chattr", ["-R", "-i", data], environment: [:], directory: directory, logFile: "/dev/null") {
                _ = ChildProcess.exitCodeBlocking(of: pid)
            }
        }

        func account(_ number: Int) -> [String: Any] {
            ["email": "reader\(number)@example.com", "password": "correct horse battery", "display_name": "Reader \(number)"]
        }
        let refused = try await LoopbackHTTP.request("POST", "\(base)/api/auth/register", json: account(1))
        #expect(refused.status == 503, "\(refused.status) \(refused.text)")
        #expect(refused.text.contains("the database is unavailable"), "\(refused.text)")

        func identity() async throws -> [String: Any] {
            let report = try #require(try await CLI.json(CLI.run(["status", app, "--json"], in: directory).stdout) as? [String: Any])
            return try #require(((report["services"] as? [[String: Any]]) ?? []).first { $0["name"] as? String == "identity" })
        }
        // States only the supervisor can change, polled under deadlines far longer than the few seconds they take.
        var seen: [String: Any] = [:]
        try await Polling.until(every: .milliseconds(200)) {
            seen = try await identity()
            return (seen["restarts"] as? Int ?? 0) >= 1
        }
        #expect((seen["restarts"] as? Int ?? 0) >= 1, "a service that cannot write is restarted: \(seen)")

        #expect(try await immutable(false) == 0)
        try await Polling.until(within: .seconds(90), every: .milliseconds(200)) {
            seen = try await identity()
            return seen["health"] as? String == "healthy" && seen["state"] as? String == "running"
        }
        #expect(seen["health"] as? String == "healthy", "\(seen)")
        let accepted = try await LoopbackHTTP.request("POST", "\(base)/api/auth/register", json: account(2))
        #expect(accepted.status == 201, "writes work again without a redeploy: \(accepted.text)")

        _ = try await CLI.run(["stop", app], in: directory)
        #expect(try await immutable(true) == 0)
        let again = try await CLI.run(["deploy", app, "--port", String(port)], in: directory)
        #expect(try await immutable(false) == 0)
        #expect(again.status != 0)
        #expect(again.stderr.contains(".gravity/data: the databases' directory cannot be written"), "\(again.stderr)")
    }

    static func productNames(inSeed seed: String) -> [String] {
        guard let start = seed.range(of: "INSERT INTO products") else { return [] }
        let block = seed[start.upperBound...].prefix { $0 != ";" }
        return block.split(separator: "\n").compactMap { line in
            let parts = line.components(separatedBy: "', '")
            return parts.count > 1 ? parts[1] : nil
        }
    }
}
