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

    @Test("docker-compose accepts the compose file", arguments: GeneratorTestData.industries)
    func compose(industry: String) async throws {
        let (directory, _) = try await generated(industry)
        guard let compose = ProcessRunner.which("docker-compose") else {
            Issue.record("docker-compose is not installed (Debian: apt-get install --no-install-recommends docker-compose; scripts/test installs it)")
            return
        }
        let secrets = [
            "JWT_SECRET": "x", "ADMIN_EMAIL": "a@b.c", "ADMIN_PASSWORD": "x", "LEDGER_DB_PASSWORD": "x", "RECORDS_DB_PASSWORD": "x",
        ]
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
