import Foundation
import GravitySystem
import GravityDeployContract
import GRDB
import Testing

@testable import GravityOrchestration

/// The parts of the local deployer that need no running process: the plan, the gateway
/// configuration, the service environment, migrations against a real SQLite file, the state store.
@Suite("Local deployment parts")
struct LocalDeploymentPartsTests {
    /// A folder of services from name to (manifest text, extra files).
    static func folder(_ services: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-parts-\(UUID().uuidString)").path
        for (name, manifest) in services {
            try FileManager.default.createDirectory(atPath: "\(root)/\(name)", withIntermediateDirectories: true)
            try manifest.write(toFile: "\(root)/\(name)/gravity-service.yaml", atomically: true, encoding: .utf8)
        }
        return root
    }

    static func manifest(_ name: String, dependsOn: [String] = [], extra: String = "") -> String {
        var text = "name: \(name)\nversion: 1.0.0\ncommand: [python3, -m, http.server, \"${PORT}\"]\napi_prefix: /api/\(name)\n"
        if !dependsOn.isEmpty { text += "dependencies:\n" + dependsOn.map { "  - name: \($0)\n" }.joined() }
        return text + extra
    }

    @Test("a log's tail is whole lines, however many are asked for and however long the log")
    func logTail() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tail-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = (1...5_000).map { "line \($0): " + String(repeating: "x", count: $0 % 97) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(LogFile.tail(path, lines: 2_000) == Array(lines.suffix(2_000)), "more than one block of the file")
        #expect(LogFile.tail(path, lines: 3) == Array(lines.suffix(3)))
        #expect(LogFile.tail(path, lines: 9_000) == lines, "more lines than the file has")
        try "only\nno newline at the end".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(LogFile.tail(path, lines: 1) == ["no newline at the end"])
        #expect(LogFile.tail("\(path).missing", lines: 5).isEmpty)
    }

    @Test("a port promised to the gateway or to another service is never handed out again, though nothing listens on it yet")
    func promisedPortsAreSkipped() throws {
        let range = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        let ephemeral = range.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
        let promised = Set(20_000..<max(ephemeral, 20_001))
        for _ in 0..<20 {
            let port = try PortAllocator.freePort(excluding: promised)
            #expect(!promised.contains(port))
            #expect(PortAllocator.isFree(port))
        }
    }

    @Test("services start in waves: each wave depends only on earlier ones")
    func waves() throws {
        let root = try Self.folder([
            "a": Self.manifest("a"), "b": Self.manifest("b"), "c": Self.manifest("c", dependsOn: ["a", "b"]),
            "d": Self.manifest("d", dependsOn: ["c"]), "e": Self.manifest("e", dependsOn: ["a"]),
        ])
        let plan = try DeploymentPlan.load(root)
        #expect(plan.services.map(\.name) == ["a", "b", "c", "d", "e"])
        #expect(plan.waves.map { $0.map(\.name) } == [["a", "b"], ["c", "e"], ["d"]])
        #expect(plan.routes.map(\.prefix) == ["/api/a", "/api/b", "/api/c", "/api/d", "/api/e"])
    }

    @Test("the gateway configuration fills every placeholder; an unknown one names its line")
    func gateway() throws {
        let root = try Self.folder(["orders-api": Self.manifest("orders-api")])
        let plan = try DeploymentPlan.load(root)
        let configuration = try GatewayConfiguration(
            plan: plan,
            port: 8123,
            upstreams: ["orders-api": 40001],
            frontendDirectory: "/srv/front"
        )
        .render()
        #expect(configuration.contains("upstream orders-api { server 127.0.0.1:40001; }"))
        #expect(configuration.contains("listen 127.0.0.1:8123;"))
        #expect(configuration.contains("location /api/orders-api/ {"))
        #expect(!configuration.split(separator: "\n").contains { !$0.hasPrefix("#") && $0.contains("{{") })

        var withTemplate = plan
        let template = "\(root)/gateway.conf.template"
        try "# {{comments}} are left alone\nevents {}\nhttp { server { listen {{PORT}}; root {{FRONTEND}}; } }\n"
            .write(toFile: template, atomically: true, encoding: .utf8)
        withTemplate.gatewayTemplate = template
        #expect {
            try GatewayConfiguration(plan: withTemplate, port: 1, upstreams: [:], frontendDirectory: "/f").render()
        } throws: { error in
            "\(error)".hasPrefix("gateway.conf.template:3: unknown placeholder {{FRONTEND}}; known: {{FRONTEND_DIR}}, {{PORT}}")
        }
    }

    @Test("the environment: port, databases, dependency URLs, secrets, ${VAR} filled; an unknown ${VAR} is an error")
    func environment() throws {
        let root = try Self.folder([
            "catalog": Self.manifest("catalog"),
            "orders": Self.manifest(
                "orders",
                dependsOn: ["catalog"],
                extra: "environment:\n  variables:\n    UPSTREAM: \"${CATALOG_SERVICE_URL}/v1\"\n  secrets: [JWT_SECRET]\n"
            ),
        ])
        let plan = try DeploymentPlan.load(root)
        let launch = try ServiceLaunch.make(
            service: plan.service("orders")!,
            port: 4100,
            databaseURLs: [("orders_db", "sqlite:////x/orders_db.sqlite")],
            dependencyPorts: ["catalog": 4000],
            secrets: ["JWT_SECRET": "s3cret"],
            pythonBin: "/venv/bin",
            base: ["PATH": "/usr/bin:/bin", "HOME": "/home/me", "OPENAI_API_KEY": "sk-not-for-services", "LC_ALL": "C.UTF-8"]
        )
        #expect(launch.environment["OPENAI_API_KEY"] == nil, "deploy's own secrets do not reach the services")
        #expect(launch.environment["HOME"] == "/home/me" && launch.environment["LC_ALL"] == "C.UTF-8")
        #expect(launch.environment["PORT"] == "4100")
        #expect(launch.environment["DATABASE_URL"] == "sqlite:////x/orders_db.sqlite")
        #expect(launch.environment["ORDERS_DB_URL"] == "sqlite:////x/orders_db.sqlite")
        #expect(launch.environment["CATALOG_SERVICE_URL"] == "http://127.0.0.1:4000")
        #expect(launch.environment["UPSTREAM"] == "http://127.0.0.1:4000/v1")
        #expect(launch.environment["JWT_SECRET"] == "s3cret")
        #expect(launch.environment["PATH"] == "/venv/bin:/usr/bin:/bin")
        #expect(launch.arguments == ["-m", "http.server", "4100"])
        #expect(launch.healthURL == "http://127.0.0.1:4100/health")
        #expect(launch.environment["WEB_CONCURRENCY"] == String(ProcessInfo.processInfo.activeProcessorCount), "a worker per core")
        #expect(ServiceLaunch.workers(["WEB_CONCURRENCY": "3"]) == "3", "deploy's own value")
        #expect(ServiceLaunch.workers(["WEB_CONCURRENCY": ""]) == ServiceLaunch.workers([:]))
        #expect(ServiceLaunch.workers(["WEB_CONCURRENCY": "0"]) == ServiceLaunch.workers([:]))

        #expect {
            try ServiceLaunch.substitute("${NOPE}", from: [:], service: "orders", field: "command")
        } throws: { error in
            "\(error)" == "orders uses ${NOPE} in command, which is neither injected by deploy nor set in the environment"
        }
    }

    @Test("SQLite migrations are applied once each, the seed only to a new database, and recorded in schema_migrations")
    func migrations() throws {
        let root = try Self.folder(["shop": Self.manifest("shop")])
        let migrations = "\(root)/shop/db/migrations"
        try FileManager.default.createDirectory(atPath: migrations, withIntermediateDirectories: true)
        try "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);".write(
            toFile: "\(migrations)/0001_init.sql",
            atomically: true,
            encoding: .utf8
        )
        try "INSERT INTO items (name) VALUES ('seeded');".write(toFile: "\(root)/shop/db/seed.sql", atomically: true, encoding: .utf8)
        let plan = try DeploymentPlan.load(root)
        let database = try YAMLDecoderHelper.database("{name: shop_db, type: sqlite, migrations: db/migrations, seed: db/seed.sql}")
        let applier = MigrationApplier(service: plan.service("shop")!, database: database)
        let path = "\(root)/shop.sqlite"

        let first = try applier.applySQLite(path: path)
        #expect(first.applied == ["0001_init.sql"])
        #expect(first.seeded)
        let again = try applier.applySQLite(path: path)
        #expect(again.applied.isEmpty)
        #expect(!again.seeded)

        try "ALTER TABLE items ADD COLUMN price REAL;".write(toFile: "\(migrations)/0002_price.sql", atomically: true, encoding: .utf8)
        let later = try applier.applySQLite(path: path)
        #expect(later.applied == ["0002_price.sql"])
        #expect(!later.seeded, "the seed goes only into a new database")

        let queue = try DatabaseQueue(path: path)
        let (count, versions) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM items")!,
                try String.fetchAll(db, sql: "SELECT version FROM schema_migrations ORDER BY version")
            )
        }
        #expect(count == 1)
        #expect(versions == ["0001_init.sql", "0002_price.sql"])

        try "CREATE TABLE broken (".write(toFile: "\(migrations)/0003_broken.sql", atomically: true, encoding: .utf8)
        #expect {
            try applier.applySQLite(path: path)
        } throws: { error in
            // A case the caller can match, with the one line the user reads.
            guard case .migrationFailed(service: "shop", migration: "0003_broken.sql", _) = error as? DeployError else { return false }
            return "\(error)".hasPrefix("shop: migration 0003_broken.sql failed:")
        }
    }

    @Test("secrets are generated once per name and kept; the state file is readable by its owner only")
    func secrets() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-state-\(UUID().uuidString)").path
        let store = try DeployStore(stateDirectory: directory)
        let first = try store.secrets(["JWT_SECRET", "ADMIN_PASSWORD"])
        #expect(first["JWT_SECRET"]?.count == 64)
        #expect(first["JWT_SECRET"] != first["ADMIN_PASSWORD"])
        let reopened = try DeployStore(stateDirectory: directory)
        #expect(try reopened.secrets(["JWT_SECRET"])["JWT_SECRET"] == first["JWT_SECRET"])
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(directory)/state.sqlite")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }
}

/// Decodes a database entry of a manifest.
enum YAMLDecoderHelper {
    static func database(_ yaml: String) throws -> ServiceManifest.Database {
        let manifest = try ManifestLoader.decode("name: x\nversion: 1.0.0\ncommand: [x]\ndatabases:\n  - \(yaml)\n", file: "test.yaml")
        return manifest.databases[0]
    }
}
