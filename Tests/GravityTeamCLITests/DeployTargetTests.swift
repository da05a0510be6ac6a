import Foundation
import GravityOrchestration
import GravityRuntime
import GravityTestSupport
import GravitySystem
import Testing

/// `deploy --target compose|kubernetes`: the files are written from the manifests (or the app's own
/// are kept), checked by docker-compose and kubernetes-validate, and handed to an engine or cluster
/// only when one answers.
@Suite("gravity-team deploy (compose, kubernetes)")
struct DeployTargetTests {
    /// Two hand-written services: `ledger` on PostgreSQL with a secret, `web` on SQLite depending on it.
    static func services() throws -> String {
        let root = try CLI.temporaryDirectory() + "/bank"
        let manifests = [
            "ledger": """
            name: ledger
            version: 2.1.0
            runtime: python3.12
            command: [uvicorn, app:api, --host, 0.0.0.0, --port, "${PORT}"]
            api_prefix: /api/ledger
            cpu_limit: "250m"
            memory_limit: "128Mi"
            replicas: 3
            databases:
              - {name: ledger_db, type: postgresql, version: "16"}
            health_check: {endpoint: /healthz, interval: 10, timeout: 2, retries: 3, start_period: 20}
            environment:
              secrets: [SIGNING_KEY]
            """,
            "web": """
            name: web
            version: 1.0.0
            command: python3 -m http.server ${PORT}
            api_prefix: /api/web
            dependencies:
              - {name: ledger, version: "^2.0.0"}
            databases:
              - {name: sessions, type: sqlite}
            environment:
              variables: {LEDGER: "${LEDGER_SERVICE_URL}", GREETING: "it's $5"}
            """,
        ]
        for (name, manifest) in manifests {
            try FileManager.default.createDirectory(atPath: "\(root)/\(name)", withIntermediateDirectories: true)
            try manifest.write(toFile: "\(root)/\(name)/gravity-service.yaml", atomically: true, encoding: .utf8)
        }
        try "fastapi\n".write(toFile: "\(root)/ledger/requirements.txt", atomically: true, encoding: .utf8)
        return root
    }

    @Test("compose: written from the manifests, accepted by docker-compose, started only when an engine answers")
    func compose() async throws {
        let root = try Self.services()
        let outcome = try await CLI.run(["deploy", root, "--target", "compose"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("wrote deploy/docker-compose.yml from the services' manifests"))
        #expect(
            outcome.stdout.contains("Deployed: started with docker compose") || outcome.stdout.contains("Not started: no container engine")
        )
        let text = try String(contentsOfFile: "\(root)/deploy/docker-compose.yml", encoding: .utf8)
        #expect(text.contains("image: python:3.12-slim"))
        #expect(text.contains("traefik.http.routers.ledger.rule=PathPrefix(`/api/ledger`)"))
        let document = try #require(try ParsedYAML.documents(text).first)
        #expect(document["services", "web", "environment", "LEDGER_SERVICE_URL"] == .text("http://ledger:8000"))
        #expect(document["services", "web", "environment", "GREETING"] == .text("it's $$5"))
        #expect(
            document["services", "ledger", "environment", "DATABASE_URL"]
                == .text("postgresql://ledger_db:${LEDGER_DB_PASSWORD:?set it in deploy/.env}@ledger-ledger-db:5432/ledger_db")
        )
        #expect(document["services", "ledger", "environment", "SIGNING_KEY"] == .text("${SIGNING_KEY:?set SIGNING_KEY in deploy/.env}"))
        #expect(document["services", "ledger", "healthcheck", "start_period"] == .text("20s"))
        #expect(document["services", "web", "healthcheck", "start_period"] == nil)

        let compose = try #require(ProcessRunner.which("docker-compose"), "docker-compose is not installed (scripts/test installs it)")
        let environment = ["SIGNING_KEY": "x", "LEDGER_DB_PASSWORD": "y", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]
        let checked = try await GeneratorProcess.run(
            compose,
            ["-f", "deploy/docker-compose.yml", "config", "-q"],
            in: root,
            environment: environment
        )
        #expect(checked.status == 0, "\(checked.output)")

        // A second run refreshes its own file; a file of the user's is kept as it is.
        try "services: {}\n".write(toFile: "\(root)/deploy/docker-compose.yml", atomically: true, encoding: .utf8)
        let kept = try await CLI.run(["deploy", root, "--target", "compose"])
        #expect(kept.stdout.contains("using the app's deploy/docker-compose.yml"))
        #expect(try String(contentsOfFile: "\(root)/deploy/docker-compose.yml", encoding: .utf8) == "services: {}\n")
    }

    @Test("compose: a container with its health check and volume for every database type a manifest accepts")
    func composeDatabases() async throws {
        let root = try CLI.temporaryDirectory() + "/stores"
        try FileManager.default.createDirectory(atPath: "\(root)/catalog", withIntermediateDirectories: true)
        try """
        name: catalog
        version: 1.0.0
        runtime: python3.12
        command: [python3, -m, http.server, "${PORT}"]
        api_prefix: /api/catalog
        databases:
          - {name: items, type: mysql}
          - {name: reviews, type: mongodb, version: "7.0"}
          - {name: cache, type: redis}
        """.write(toFile: "\(root)/catalog/gravity-service.yaml", atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["deploy", root, "--target", "compose"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try String(contentsOfFile: "\(root)/deploy/docker-compose.yml", encoding: .utf8)
        let document = try #require(try ParsedYAML.documents(text).first)
        let expected: [(host: String, image: String, data: String, check: String, url: String, variable: String)] = [
            ("catalog-items", "mysql:8.4", "/var/lib/mysql", "mysqladmin ping", "mysql://items:${ITEMS_PASSWORD:?set it in deploy/.env}@catalog-items:3306/items", "DATABASE_URL"),
            ("catalog-reviews", "mongo:7.0", "/data/db", "db.adminCommand('ping').ok",
             "mongodb://reviews:${REVIEWS_PASSWORD:?set it in deploy/.env}@catalog-reviews:27017/reviews?authSource=admin", "REVIEWS_URL"),
            ("catalog-cache", "redis:7.4-alpine", "/data", "redis-cli", "redis://:${CACHE_PASSWORD:?set it in deploy/.env}@catalog-cache:6379/0", "CACHE_URL"),
        ]
        for server in expected {
            #expect(document["services", server.host, "image"] == .text(server.image), "\(server.host)")
            #expect(document["services", server.host, "volumes"] == .list([.text("\(server.host)-data:\(server.data)")]), "\(server.host)")
            #expect(document["volumes", "\(server.host)-data"] != nil, "\(server.host)")
            #expect(text.contains(server.check), "\(server.host)")
            #expect(document["services", "catalog", "depends_on", server.host, "condition"] == .text("service_healthy"), "\(server.host)")
            #expect(document["services", "catalog", "environment", server.variable] == .text(server.url), "\(server.host)")
        }
        let compose = try #require(ProcessRunner.which("docker-compose"), "docker-compose is not installed (scripts/test installs it)")
        let environment = [
            "ITEMS_PASSWORD": "a", "REVIEWS_PASSWORD": "b", "CACHE_PASSWORD": "c", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
        ]
        let checked = try await GeneratorProcess.run(compose, ["-f", "deploy/docker-compose.yml", "config", "-q"], in: root, environment: environment)
        #expect(checked.status == 0, "\(checked.output)")
    }

    @Test("kubernetes: Deployments, Services, probes, Ingress from the manifests, valid for kubernetes-validate")
    func kubernetes() async throws {
        let root = try Self.services()
        let outcome = try await CLI.run(["deploy", root, "--target", "kubernetes"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("wrote 4 files in deploy/kubernetes/"))
        #expect(outcome.stdout.contains("Deployed: applied") || outcome.stdout.contains("Not started: no cluster"))
        let ledger = try String(contentsOfFile: "\(root)/deploy/kubernetes/10-ledger.yaml", encoding: .utf8)
        let ledgerDocuments = try ParsedYAML.documents(ledger)
        #expect(ledgerDocuments[1]["spec", "replicas"] == .integer(3))
        #expect(ledger.contains("path: /healthz"))
        guard case .list(let containers)? = ledgerDocuments[1]["spec", "template", "spec", "containers"], let probes = containers.first else {
            Issue.record("the ledger Deployment has no containers")
            return
        }
        #expect(probes["livenessProbe", "initialDelaySeconds"] == .integer(20), "the start period delays the liveness probe")
        #expect(probes["readinessProbe", "initialDelaySeconds"] == nil)
        #expect(ledger.contains("cpu: 250m"))
        let web = try ParsedYAML.documents(String(contentsOfFile: "\(root)/deploy/kubernetes/11-web.yaml", encoding: .utf8))
        #expect(web.last?["kind"] == .text("PersistentVolumeClaim"))
        #expect(web.first?["data", "LEDGER_SERVICE_URL"] == .text("http://ledger"))

        let validator = try #require(
            ProcessRunner.which("kubernetes-validate"),
            "kubernetes-validate is not installed (scripts/test installs it)"
        )
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(root)/deploy/kubernetes").sorted().map {
            "deploy/kubernetes/\($0)"
        }
        let checked = try await GeneratorProcess.run(validator, ["--strict"] + files, in: root)
        #expect(checked.status == 0, "\(checked.output)")

        // The secrets file is the user's once written.
        try "# mine\n".write(toFile: "\(root)/deploy/kubernetes/00-secrets.example.yaml", atomically: true, encoding: .utf8)
        _ = try await CLI.run(["deploy", root, "--target", "kubernetes"])
        #expect(try String(contentsOfFile: "\(root)/deploy/kubernetes/00-secrets.example.yaml", encoding: .utf8) == "# mine\n")
    }

    @Test("a generated app keeps its own compose file and manifests")
    func generatedApp() async throws {
        let directory = try CLI.temporaryDirectory()
        _ = try await CLI.run(["develop", "--industry", "general", "--out", "app"], in: directory)
        let before = try String(contentsOfFile: "\(directory)/app/deploy/docker-compose.yml", encoding: .utf8)
        let compose = try await CLI.run(["deploy", "app", "--target", "compose"], in: directory)
        #expect(compose.stdout.contains("using the app's deploy/docker-compose.yml"), "\(compose.stdout)\(compose.stderr)")
        #expect(try String(contentsOfFile: "\(directory)/app/deploy/docker-compose.yml", encoding: .utf8) == before)
        let kubernetes = try await CLI.run(["deploy", "app", "--target", "kubernetes"], in: directory)
        #expect(kubernetes.stdout.contains("using the app's deploy/kubernetes/"))
    }
}

/// Runs a helper program to completion with its combined output (output in a file, not a pipe).
enum GeneratorProcess {
    static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: String,
        environment: [String: String]? = nil
    ) async throws -> (status: Int32, output: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID()).out").path
        let pid = try ProcessControl.spawn(
            executable,
            arguments,
            environment: environment ?? ProcessInfo.processInfo.environment,
            directory: directory,
            logFile: output
        )
        let status = await ChildProcess.exitCode(of: pid)
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }
}
