import Foundation
import Testing

/// Optional practices change the files: adopted, their effect is there; not adopted, it is not.
/// Each is checked by generating one Blueprint with and without it (`gravity-team generate`).
@Suite("Practice effects")
struct PracticeEffectsTests {
    /// The files `generate` writes from the finance run's Blueprint with `change` applied to its
    /// sections' practices, by file path.
    private func generated(
        in directory: String, named name: String, _ change: (inout [String: [String]]) -> Void
    ) async throws -> (String) throws -> String {
        let blueprintPath = "\(directory)/run/blueprint.json"
        var blueprint = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: blueprintPath))) as? [String: Any])
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
        return { path in try String(contentsOfFile: "\(directory)/\(name)/\(path)", encoding: .utf8) }
    }

    @Test("deployment.autoscaling: a HorizontalPodAutoscaler for the PostgreSQL-backed ledger only when adopted; security.rate_limiting: the gateway's limit on registrations only when adopted")
    func toggles() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "finance", "--out", "run", "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        let ledger = "deploy/kubernetes/13-ledger.yaml"

        let without = try await generated(in: directory, named: "without") { practices in
            for section in practices.keys { practices[section]?.removeAll { ["deployment.autoscaling", "security.rate_limiting"].contains($0) } }
        }
        let with = try await generated(in: directory, named: "with") { practices in
            practices["deployment", default: []].append("deployment.autoscaling")
            if !(practices["security"] ?? []).contains("security.rate_limiting") { practices["security", default: []].append("security.rate_limiting") }
        }
        #expect(try with(ledger).contains("kind: HorizontalPodAutoscaler"))
        #expect(try !without(ledger).contains("HorizontalPodAutoscaler"))
        #expect(try without(ledger).contains("kind: Deployment"), "the service itself is still there")
        #expect(try with("deploy/nginx/gateway.conf.template").contains("limit_req"))
        #expect(try !without("deploy/nginx/gateway.conf.template").contains("limit_req"))
    }

    @Test("security.cors_policy: the services answer browsers on the origins ALLOWED_ORIGINS names, with a generated test, only when adopted")
    func cors() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "finance", "--out", "run", "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        let without = try await generated(in: directory, named: "without") { practices in
            for section in practices.keys { practices[section]?.removeAll { $0 == "security.cors_policy" } }
        }
        let with = try await generated(in: directory, named: "with") { practices in
            if !(practices["security"] ?? []).contains("security.cors_policy") { practices["security", default: []].append("security.cors_policy") }
        }
        for service in ["accounts", "ledger", "identity"] {
            #expect(try with("services/\(service)/app/main.py").contains("CORSMiddleware"), "\(service)")
            #expect(try with("services/\(service)/app/config.py").contains("ALLOWED_ORIGINS"), "\(service)")
            #expect(try with("services/\(service)/tests/test_cors.py").contains("def test_only_the_configured_origins_may_call_from_a_browser"))
            #expect(try !without("services/\(service)/app/main.py").contains("CORS"), "\(service)")
            #expect(try !without("services/\(service)/app/config.py").contains("ALLOWED_ORIGINS"), "\(service)")
            #expect(!FileManager.default.fileExists(atPath: "\(directory)/without/services/\(service)/tests/test_cors.py"))
        }
    }

    @Test("security.no_card_data_storage: a generated test per service that fails on a field named for card data, only when adopted")
    func noCardData() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "finance", "--out", "run", "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        _ = try await generated(in: directory, named: "without") { practices in
            for section in practices.keys { practices[section]?.removeAll { $0 == "security.no_card_data_storage" } }
        }
        let with = try await generated(in: directory, named: "with") { practices in
            if !(practices["security"] ?? []).contains("security.no_card_data_storage") {
                practices["security", default: []].append("security.no_card_data_storage")
            }
        }
        for service in ["accounts", "ledger", "customers", "identity"] {
            #expect(try with("services/\(service)/tests/test_no_card_data.py").contains("def test_no_column_is_card_data"), "\(service)")
            #expect(!FileManager.default.fileExists(atPath: "\(directory)/without/services/\(service)/tests/test_no_card_data.py"), "\(service)")
        }
    }

    @Test("deployment.resource_limits: CPU and memory requests and limits in Kubernetes and Compose only when adopted")
    func resourceLimits() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "finance", "--out", "run", "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        let without = try await generated(in: directory, named: "without") { practices in
            for section in practices.keys { practices[section]?.removeAll { $0 == "deployment.resource_limits" } }
        }
        let with = try await generated(in: directory, named: "with") { _ in }
        for file in ["deploy/kubernetes/12-accounts.yaml", "deploy/docker-compose.yml"] {
            #expect(try with(file).contains("limits:"), "\(file)")
        }
        #expect(try with("deploy/kubernetes/12-accounts.yaml").contains("requests:"))
        #expect(try !without("deploy/kubernetes/12-accounts.yaml").contains("cpu:"), "only the data volume's storage request is left")
        #expect(try !without("deploy/docker-compose.yml").contains("limits:"))
        #expect(try without("deploy/kubernetes/80-frontend.yaml") == with("deploy/kubernetes/80-frontend.yaml"), "the frontend's own small limits are the gateway's, not the practice's")
    }
}
