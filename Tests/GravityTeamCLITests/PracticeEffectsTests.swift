import Foundation
import GravitySystem
import GravityModel
import Testing
import Yams

/// Optional practices change the files: adopted, their effect is there; not adopted, it is not.
/// Each is checked by generating the finance run's Blueprint with and without it (`gravity-team
/// generate`), everything else as the team decided. docs/facts.md's table says the same.
@Suite("Practice effects")
struct PracticeEffectsTests {
    /// Text a file holds when the practice is adopted (`adopted: true`), or only when it is not.
    /// A file that is not there holds nothing.
    struct Effect: Sendable, CustomStringConvertible {
        var path: String
        var text: String
        var adopted = true

        var description: String { "\(path) \(adopted ? "has" : "lacks") '\(text)'" }
    }

    /// What each practice changes in the finance app (services identity, customers, accounts on
    /// SQLite locally and PostgreSQL in production, ledger on PostgreSQL in both, which calls accounts).
    static let effects: [Practice: [Effect]] = [
        .structuredLogging: [
            Effect(path: "services/accounts/app/json_logs.py", text: "class JsonFormatter"),
            Effect(path: "services/accounts/app/main.py", text: "configure_logging(\"accounts\")"),
            Effect(path: "services/accounts/app/main.py", text: "logging.basicConfig", adopted: false),
            Effect(path: "services/accounts/tests/test_json_logs.py", text: "def test_the_service_logs_json_lines"),
            Effect(path: "deploy/nginx/gateway.conf.template", text: "log_format json escape=json"),
        ],
        .backups: [
            Effect(path: "services/accounts/app/backup.py", text: "source.backup(copy)"),
            Effect(path: "services/accounts/tests/test_backup.py", text: "def test_a_backup_restores_the_rows_it_copied"),
            Effect(path: "services/ledger/Dockerfile", text: "postgresql-client"),
            Effect(path: "deploy/kubernetes/12-accounts.yaml", text: "kind: CronJob"),
            Effect(path: "deploy/kubernetes/13-ledger.yaml", text: "- app.backup"),
        ],
        .requestLogging: [
            Effect(path: "services/ledger/app/request_log.py", text: "class RequestLogMiddleware"),
            Effect(path: "services/ledger/app/main.py", text: "app.add_middleware(RequestLogMiddleware)"),
            Effect(path: "services/ledger/app/clients.py", text: "event_hooks={\"request\": [pass_request_id]}"),
            Effect(path: "services/ledger/tests/test_request_log.py", text: "def test_the_request_id_given_is_answered_and_logged"),
            Effect(path: "deploy/nginx/gateway.conf.template", text: "proxy_set_header X-Request-ID $gateway_request_id;"),
        ],
        .openapiDocs: [
            Effect(path: "services/accounts/app/main.py", text: "openapi_url=None", adopted: false),
            Effect(path: "services/accounts/tests/test_openapi.py", text: "\"/api/accounts/accounts/{item_id}\" in paths"),
        ],
        .rateLimiting: [
            Effect(path: "deploy/nginx/gateway.conf.template", text: "limit_req zone=registration")
        ],
        .auditLog: [
            Effect(path: "services/accounts/app/audit.py", text: "\"after_flush\""),
            Effect(path: "services/accounts/app/routes/audit.py", text: "def list_audit_entries("),
            Effect(path: "services/accounts/app/routes/accounts.py", text: "audit.record(session, \"credit\" if change > 0 else \"debit\""),
            Effect(path: "services/ledger/app/routes/ledger_transactions.py", text: "audit.record(session, name,"),
            Effect(path: "services/ledger/db/migrations/postgresql/0001_init.sql", text: "CREATE TABLE audit_entries"),
            Effect(path: "services/identity/tests/test_audit.py", text: "def test_a_registration_is_recorded"),
            Effect(path: "services/customers/tests/test_audit.py", text: "def test_a_write_is_recorded_with_its_author"),
        ],
        .phiAccessLogging: [
            Effect(path: "services/customers/app/audit.py", text: "\"loaded_as_persistent\""),
            Effect(path: "services/customers/app/database.py", text: "request.state.read_session = session"),
            Effect(path: "services/customers/app/main.py", text: "app.add_middleware(ReadLogMiddleware)"),
            Effect(path: "services/customers/tests/test_audit.py", text: "def test_every_read_is_recorded_with_its_reader"),
        ],
        .noCardDataStorage: [
            Effect(path: "services/accounts/tests/test_no_card_data.py", text: "def test_no_column_is_card_data"),
            Effect(path: "services/identity/tests/test_no_card_data.py", text: "def test_no_column_is_card_data"),
        ],
        .corsPolicy: [
            Effect(path: "services/ledger/app/main.py", text: "CORSMiddleware"),
            Effect(path: "services/ledger/app/config.py", text: "ALLOWED_ORIGINS"),
            Effect(path: "services/identity/tests/test_cors.py", text: "def test_only_the_configured_origins_may_call_from_a_browser"),
        ],
        .tlsAtGateway: [
            Effect(path: "deploy/kubernetes/90-ingress.yaml", text: "secretName: gravity-bank-tls"),
            Effect(path: "deploy/nginx/gateway.conf.template", text: "listen 127.0.0.1:{{PORT}}{{TLS}};"),
        ],
        .coverageTarget: [
            Effect(path: "services/ledger/pytest.ini", text: "--cov=app --cov-report=term-missing --cov-precision=2 --cov-fail-under=80"),
            Effect(path: "services/ledger/requirements-test.txt", text: "pytest-cov=="),
        ],
        .ciPipeline: [
            Effect(path: ".github/workflows/ci.yml", text: "service: [identity, customers, accounts, ledger]")
        ],
        .loadTests: [
            Effect(path: "loadtest/locustfile.py", text: "browse(self.client, \"/api/ledger/ledger_transactions\", self.headers)")
        ],
        .resourceLimits: [
            Effect(path: "deploy/kubernetes/12-accounts.yaml", text: "limits:"),
            Effect(path: "deploy/kubernetes/12-accounts.yaml", text: "cpu:"),
            Effect(path: "deploy/docker-compose.yml", text: "limits:"),
        ],
        .autoscaling: [
            Effect(path: "deploy/kubernetes/13-ledger.yaml", text: "kind: HorizontalPodAutoscaler"),
            Effect(path: "deploy/kubernetes/12-accounts.yaml", text: "kind: HorizontalPodAutoscaler"),
        ],
        .rollingUpdates: [
            Effect(path: "deploy/kubernetes/13-ledger.yaml", text: "type: RollingUpdate"),
            Effect(path: "deploy/kubernetes/12-accounts.yaml", text: "type: RollingUpdate"),
        ],
    ]

    /// The finance run every case starts from, developed once.
    static let run = Task<String, any Error> {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "finance", "--out", "run", "--no-verify"], in: directory)
        guard developed.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: developed.stderr]) }
        return directory
    }

    /// The app `generate` writes from the run's Blueprint with `change` applied to the practices of
    /// its sections: a file's text by path ("" for a file it did not write).
    static func generated(named name: String, _ change: (inout [String: [String]]) -> Void) async throws -> (String) -> String {
        let directory = try await run.value
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/run/blueprint.json"))
        var blueprint = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        var practices: [String: [String]] = [:]
        for (section, value) in blueprint {
            if let fields = value as? [String: Any], let adopted = fields["practices"] as? [String] { practices[section] = adopted }
        }
        change(&practices)
        for (section, adopted) in practices {
            var fields = try #require(blueprint[section] as? [String: Any])
            fields["practices"] = adopted
            blueprint[section] = fields
        }
        try JSONSerialization.data(withJSONObject: blueprint).write(to: URL(fileURLWithPath: "\(directory)/\(name).json"))
        let outcome = try await CLI.run(["generate", "\(name).json", "--out", name, "--no-verify"], in: directory)
        try #require(outcome.status == 0, "\(outcome.stderr)")
        return { path in (try? String(contentsOfFile: "\(directory)/\(name)/\(path)", encoding: .utf8)) ?? "" }
    }

    /// The app with and without `practice`; `tag` keeps the directories of two tests of one practice apart.
    static func toggled(_ practice: Practice, tag: String = "") async throws -> (with: (String) -> String, without: (String) -> String) {
        let section = practice.phase.rawValue
        let with = try await generated(named: "with-\(practice.rawValue)\(tag)") { practices in
            if !(practices[section] ?? []).contains(practice.rawValue) { practices[section, default: []].append(practice.rawValue) }
        }
        let without = try await generated(named: "without-\(practice.rawValue)\(tag)") { practices in
            practices[section]?.removeAll { $0 == practice.rawValue }
        }
        return (with, without)
    }

    @Test("every optional practice has its effect when adopted, and none when not", arguments: Practice.allCases)
    func effect(of practice: Practice) async throws {
        let effects = try #require(Self.effects[practice], "docs/facts.md and this table name an effect for \(practice.rawValue)")
        let (with, without) = try await Self.toggled(practice)
        for effect in effects {
            #expect(with(effect.path).contains(effect.text) == effect.adopted, "adopted: \(effect)")
            #expect(without(effect.path).contains(effect.text) != effect.adopted, "not adopted: \(effect)")
        }
        #expect(!without("deploy/kubernetes/13-ledger.yaml").isEmpty, "the rest of the app is still written")
    }

    @Test("deployment.resource_limits leaves the frontend's own small limits alone")
    func frontendLimits() async throws {
        let (with, without) = try await Self.toggled(.resourceLimits, tag: "-frontend")
        #expect(without("deploy/kubernetes/80-frontend.yaml") == with("deploy/kubernetes/80-frontend.yaml"))
    }

    @Test("testing.ci_pipeline: the workflow is YAML that installs and runs every service's tests")
    func workflow() async throws {
        let (with, _) = try await Self.toggled(.ciPipeline, tag: "-yaml")
        let workflow = try #require(try Yams.load(yaml: with(".github/workflows/ci.yml")) as? [String: Any])
        let job = try #require((workflow["jobs"] as? [String: Any])?["service-tests"] as? [String: Any])
        let matrix = try #require((job["strategy"] as? [String: Any])?["matrix"] as? [String: Any])
        #expect(matrix["service"] as? [String] == ["identity", "customers", "accounts", "ledger"])
        let steps = try #require(job["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["run"] as? String } == ["python -m pip install -r requirements-test.txt", "python -m pytest"])
        let directory = ((job["defaults"] as? [String: Any])?["run"] as? [String: Any])?["working-directory"] as? String
        #expect(directory == "services/${{ matrix.service }}")
    }

    @Test("testing.load_tests: the Locust file is Python that compiles")
    func locustFile() async throws {
        _ = try await Self.toggled(.loadTests, tag: "-compile")
        let directory = try await Self.run.value
        let compile = try await ProcessRunner.run(
            "/usr/bin/env", ["python3", "-m", "py_compile", "\(directory)/with-testing.load_tests-compile/loadtest/locustfile.py"], timeout: .seconds(60)
        )
        #expect(compile.status == 0, "\(compile.output)")
    }

    @Test("with every optional practice off but a coverage target, the app's own tests pass, and a service under its target fails verification")
    func suitesWithoutPractices() async throws {
        let directory = try await Self.run.value
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/run/blueprint.json"))
        var blueprint = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        for (section, value) in blueprint {
            guard var fields = value as? [String: Any], fields["practices"] != nil else { continue }
            fields["practices"] = section == "testing" ? ["testing.coverage_target"] : []
            if section == "testing", var suites = fields["suites"] as? [[String: Any]], let index = suites.firstIndex(where: { $0["service"] as? String == "customers" }) {
                suites[index]["minimum_coverage"] = 99
                fields["suites"] = suites
            }
            blueprint[section] = fields
        }
        try JSONSerialization.data(withJSONObject: blueprint).write(to: URL(fileURLWithPath: "\(directory)/bare.json"))
        let outcome = try await CLI.run(["generate", "bare.json", "--out", "bare"], in: directory, verify: true)
        #expect(outcome.status != 0, "customers cannot reach 99%")
        for service in ["accounts", "identity", "ledger"] {
            #expect(outcome.stdout.range(of: #"  \#(service): \d+ passed, coverage \d+\.\d% \(at least 80%\)"#, options: .regularExpression) != nil, "\(outcome.stdout)")
        }
        #expect(outcome.stdout.range(of: #"  customers: \d+ passed, coverage \d+\.\d% UNDER the 99% the team set"#, options: .regularExpression) != nil, "\(outcome.stdout)")
        #expect(outcome.stderr.contains("customers: coverage") && outcome.stderr.contains("is under the 99% the team set"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/bare/services/accounts/app/audit.py"))
    }
}
