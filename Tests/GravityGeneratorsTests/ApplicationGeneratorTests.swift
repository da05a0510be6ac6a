import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime
import GravitySystem
import Testing

@Suite("Application generator", .serialized)
struct ApplicationGeneratorTests {
    private func generated(_ industry: String) async throws -> (String, [GeneratedFile]) {
        let session = try await GeneratorTestData.session(industry)
        let files = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions)
        let directory = try GeneratorTestData.temporaryDirectory()
        try GeneratorTestData.write(files, to: directory)
        return (directory, files)
    }

    @Test("every service of every industry passes its own generated tests", arguments: GeneratorTestData.industries)
    func ownTests(industry: String) async throws {
        let (directory, _) = try await generated(industry)
        let results = try await ServiceTestRunner(appDirectory: directory).run()
        #expect(results.count >= 3)
        for result in results {
            #expect(result.succeeded, "\(industry)/\(result.service): \(result.failures)")
            #expect(result.passed >= 8, "\(industry)/\(result.service) ran only \(result.passed) tests")
        }
    }

    @Test("the PostgreSQL migrations and seed data apply to a real PostgreSQL server", arguments: GeneratorTestData.industries)
    func postgres(industry: String) async throws {
        let (directory, files) = try await generated(industry)
        let server = try await PrivatePostgres()
        defer { server.stop() }
        let services = Set(files.compactMap { $0.path.hasPrefix("services/") ? String($0.path.split(separator: "/")[1]) : nil })
        for service in services.sorted() {
            try await server.createDatabase(service)
            for file in ["db/migrations/postgresql/0001_init.sql", "db/seed/postgresql.sql"] {
                let outcome = try await server.run(file: "\(directory)/services/\(service)/\(file)", database: service)
                #expect(outcome.status == 0, "\(industry)/\(service)/\(file): \(outcome.output)")
            }
        }
    }

    @Test("replicas starting together on PostgreSQL migrate one after another: one waits for the other's lock and finds its work done")
    func migrationsTakeTurns() async throws {
        let (directory, _) = try await generated("ecommerce")
        let service = "\(directory)/services/catalog"
        let requirements = try String(contentsOfFile: "\(service)/requirements.txt", encoding: .utf8)
        let python = "\(try await PythonEnvironment.prepare(requirements: requirements).directory)/bin/python"
        let migrate = try String(contentsOfFile: "\(service)/app/migrate.py", encoding: .utf8)
        let key = try #require(
            migrate.split(separator: "\n").first { $0.hasPrefix("MIGRATION_LOCK = ") }.map { $0.dropFirst("MIGRATION_LOCK = ".count).filter(\.isNumber) }
        )
        let server = try await PrivatePostgres()
        defer { server.stop() }
        try await server.createDatabase("catalog")
        let environment = ProcessInfo.processInfo.environment.merging(["DATABASE_URL": "postgresql://postgres@127.0.0.1:\(server.port)/catalog"]) { _, new in new }
        let started = ContinuousClock.now
        let outcomes = try await withThrowingTaskGroup(of: (ProcessRunner.Outcome, Duration)?.self) { group in
            // Another replica mid-way through its migrations: it holds the lock for 3 s.
            group.addTask {
                let held = try await server.run(sql: "SELECT pg_advisory_lock(\(key)); SELECT pg_sleep(3);", database: "catalog")
                #expect(held.status == 0, "\(held.output)")
                return nil
            }
            try await Task.sleep(for: .milliseconds(500))
            for _ in 0..<2 {
                group.addTask {
                    let outcome = try await ProcessRunner.run(
                        python, ["-m", "app.migrate", "--seed"], in: service, environment: environment, timeout: .seconds(120))
                    return (outcome, ContinuousClock.now - started)
                }
            }
            return try await group.reduce(into: [(ProcessRunner.Outcome, Duration)]()) { if let finished = $1 { $0.append(finished) } }
        }
        #expect(outcomes.allSatisfy { $0.0.status == 0 }, "\(outcomes.map(\.0.output))")
        #expect(outcomes.allSatisfy { $0.1 >= .seconds(3) }, "a migration ran while another held the lock: \(outcomes.map(\.1))")
        let said = outcomes.map { $0.0.output.split(separator: "\n").last.map(String.init) ?? "" }.sorted()
        #expect(said == ["applied: 0001_init.sql", "applied: nothing new"], "\(outcomes.map(\.0.output))")
    }

    @Test("docker-compose accepts the compose file", arguments: GeneratorTestData.industries)
    func compose(industry: String) async throws {
        let (directory, _) = try await generated(industry)
        guard let compose = ProcessRunner.which("docker-compose") else {
            Issue.record("docker-compose is not installed (Debian: apt-get install --no-install-recommends docker-compose; scripts/test installs it)")
            return
        }
        // Every variable .env.example names, filled in as a user would.
        let example = try String(contentsOfFile: "\(directory)/.env.example", encoding: .utf8)
        let names = example.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }.map { String($0.prefix { $0 != "=" }) }
        #expect(names.contains("CATALOG_DB_PASSWORD") || industry != "ecommerce", "every service has a PostgreSQL password in production")
        let secrets = Dictionary(uniqueKeysWithValues: names.map { ($0, $0 == "ADMIN_EMAIL" ? "a@b.c" : "x") })
        let outcome = try await GeneratorTestData.run(
            compose,
            ["-f", "deploy/docker-compose.yml", "config", "-q"],
            in: directory,
            environment: secrets
        )
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test("the Kubernetes manifests validate", arguments: GeneratorTestData.industries)
    func kubernetes(industry: String) async throws {
        let (directory, files) = try await generated(industry)
        guard let validator = ProcessRunner.which("kubernetes-validate") else {
            Issue.record("kubernetes-validate is not on PATH (pip install kubernetes-validate; scripts/test installs it)")
            return
        }
        let manifests = files.map(\.path).filter { $0.hasPrefix("deploy/kubernetes/") }
        #expect(manifests.count >= 5)
        let outcome = try await GeneratorTestData.run(validator, ["--strict"] + manifests, in: directory)
        #expect(outcome.status == 0, "\(outcome.output)")
        let kinds = Set(
            files.filter { $0.path.hasPrefix("deploy/kubernetes/") }.flatMap { file in
                file.contents.split(separator: "\n").filter { $0.hasPrefix("kind: ") }.map { String($0.dropFirst(6)) }
            }
        )
        for kind in ["Deployment", "Service", "Ingress", "ConfigMap", "Secret"] { #expect(kinds.contains(kind), "no \(kind)") }
        // Healthcare adopted deployment.autoscaling and keeps its records on PostgreSQL; finance did not adopt it.
        if industry == "healthcare" { #expect(kinds.contains("HorizontalPodAutoscaler")) }
        if industry == "finance" { #expect(!kinds.contains("HorizontalPodAutoscaler")) }
    }

    @Test("the same Blueprint gives byte-identical files")
    func deterministic() async throws {
        let session = try await GeneratorTestData.session("healthcare")
        let first = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions)
        let second = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions)
        #expect(first == second)
        #expect(first.map(\.path) == first.map(\.path).sorted())
        #expect(first.count > 60)
    }

    @Test("money needs the Blueprint's currency, a code this tool knows")
    func moneyNeedsACurrency() async throws {
        var blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        blueprint.requirements?.currency = nil
        #expect(throws: GenerationError.missingCurrency(column: "products.price")) {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        }
        blueprint.requirements?.currency = "XXX"
        #expect(throws: GenerationError.unknownCurrency("XXX")) {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        }
    }

    @Test("no generated file holds a secret; .env.example holds placeholders only")
    func noSecrets() async throws {
        let (_, files) = try await generated("finance")
        let example = try #require(files.first { $0.path == ".env.example" }).contents
        for line in example.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if ["JWT_SECRET", "ADMIN_PASSWORD", "LEDGER_DB_PASSWORD"].contains(String(parts[0])) { #expect(parts.count == 1, "\(line)") }
        }
        let compose = try #require(files.first { $0.path == "deploy/docker-compose.yml" }).contents
        #expect(compose.contains("${JWT_SECRET:?"))
    }
}
