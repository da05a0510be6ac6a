import Foundation
import GravityGenerators
import GravityModel
import GravityOrchestration
import GravityRuntime
import GravitySystem

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `gravity-team bench app`: the generated app deployed on loopback, one entity's table loaded with
/// many rows, and its collection driven through the gateway by Locust with each workload in turn
/// (list, get by id, filtered list, search, authenticated create, a mix); then the same workloads
/// against a hand-written FastAPI service over the same SQLite file (bench/app/baseline), so the
/// ratio is measured in one run.
public struct AppBenchmark: Sendable {
    public var industry = "ecommerce"
    /// The entity whose table is loaded and driven (default: the first one readable without signing
    /// in that refers to another of its service's entities, such as a product with its category).
    public var entity: String?
    public var rows = 10_000
    public var clients = 20
    public var seconds = 15
    public var scenarios = ["list", "get", "filtered", "search", "create", "mixed"]
    /// The gravity-team program that runs the supervisor.
    public var program: String
    /// Directory holding personas/, industries/ and bench/app/.
    public var dataDirectory: String?

    public init(program: String) { self.program = program }

    public func run(say: (String) -> Void) async throws -> AppBenchmarkReport {
        let root = try DataDirectory.locate(explicit: dataDirectory)
        let bench = "\(root)/bench/app"
        guard FileManager.default.fileExists(atPath: "\(bench)/locustfile.py") else {
            throw BenchmarkFailure("\(bench)/locustfile.py: no such file; pass --data-dir with the project's directory")
        }
        let app = try await ReferenceApp.make(industry: industry, root: root)
        let (service, entity) = try Self.choose(entity, in: AppModel(blueprint: app.blueprint))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-bench-app-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let plan = try app.write(to: "\(scratch)/app")
        guard let database = plan.service(service.name)?.manifest.databases.first, database.type == .sqlite else {
            throw BenchmarkFailure("\(service.name) keeps \(entity.plural) in no SQLite database; the benchmark loads SQLite files")
        }

        say("gravity-team bench app: \(industry), \(service.apiPrefix)/\(entity.plural), deploying")
        let port = try PortAllocator.freePort()
        let deployed = try await LocalDeployment.deploy(plan, port: port, supervisor: [program, "supervise"]) { _ in }
        guard case .ready = deployed else { throw BenchmarkFailure("the app did not come up: \(deployed)") }
        let report: AppBenchmarkReport
        do {
            report = try await measure(plan: plan, service: service, entity: entity, database: database.name, port: port, bench: bench, scratch: scratch, say: say)
        } catch {
            _ = try? await LocalDeployment.stop(plan) { _ in }
            throw error
        }
        _ = try? await LocalDeployment.stop(plan) { _ in }
        return report
    }

    /// Loads the rows, then runs every workload against the gateway and (when there is one) the
    /// baseline, with each service's memory sampled before and after.
    private func measure(
        plan: DeploymentPlan, service: AppModel.Service, entity: AppModel.Entity, database: String, port: Int, bench: String, scratch: String,
        say: (String) -> Void
    ) async throws -> AppBenchmarkReport {
        let loader = BulkLoad(entity: entity, databaseFile: "\(plan.stateDirectory)/data/\(database).sqlite")
        let loaded = try loader.load(rows: rows)
        say(String(format: "loaded %d rows into %@ in %.2f s", rows, entity.table, loaded.seconds))
        let gateway = "http://127.0.0.1:\(port)"
        let secrets = try LocalDeployment.secrets(plan)
        let token = try await Self.signIn(gateway: gateway, plan: plan, password: secrets["ADMIN_PASSWORD"] ?? "")
        let workload = Workload(
            path: "\(service.apiPrefix)/\(entity.plural)", maxID: loaded.maxID, filter: loader.filter(from: loaded.seed),
            terms: Self.searchTerms(), body: try loader.body(from: loaded.seed),
            unique: entity.inputColumns.filter { $0.unique && [.string, .text].contains($0.type) }.map(\.name), token: token
        )
        let locust = try await PythonEnvironment.prepare(requirements: "locust==2.47.0\n")
        let runner = LocustRun(
            locust: "\(locust.directory)/bin/locust", locustfile: "\(bench)/locustfile.py", clients: clients, seconds: seconds, scratch: scratch
        )
        let baseline = try await Baseline.start(
            bench: bench, plan: plan, table: entity.table, databaseFile: loader.databaseFile, secret: secrets["JWT_SECRET"] ?? "", scratch: scratch
        )
        var results: [AppBenchmarkReport.Scenario] = []
        let idle = try ServiceMemory.sample(plan)
        do {
            for scenario in scenarios {
                say("  \(scenario): generated app")
                let generated = try await runner.run(scenario: scenario, host: gateway, workload: workload, label: "generated")
                var other: LoadFigures?
                if let baseline {
                    say("  \(scenario): baseline")
                    other = try await runner.run(scenario: scenario, host: baseline.url, workload: workload, label: "baseline")
                }
                results.append(.init(name: scenario, generated: generated, baseline: other))
            }
        } catch {
            await baseline?.stop()
            throw error
        }
        let memory = ServiceMemory.compare(idle: idle, after: try ServiceMemory.sample(plan))
        await baseline?.stop()
        return AppBenchmarkReport(
            machine: .current, industry: industry, path: workload.path, rows: rows, loadSeconds: loaded.seconds, clients: clients,
            seconds: seconds, baselineNote: baseline == nil ? "bench/app/baseline serves the products of the ecommerce app only" : nil,
            scenarios: results, memory: memory
        )
    }

    /// The entity named, or the first one readable without signing in that refers to another of its
    /// service's entities; else the first readable without signing in.
    static func choose(_ name: String?, in model: AppModel) throws -> (AppModel.Service, AppModel.Entity) {
        let candidates = model.dataServices.flatMap { service in service.entities.map { (service, $0) } }
        if let name {
            guard let found = candidates.first(where: { $0.1.name == name || $0.1.plural == name }) else {
                throw BenchmarkFailure("no entity '\(name)'; the app has \(candidates.map(\.1.name).joined(separator: ", "))")
            }
            return found
        }
        let readable = candidates.filter { $0.1.publicRead && $0.1.lifecycle == nil && $0.1.ownedBy == nil }
        guard let chosen = readable.first(where: { $0.1.columns.contains { $0.references != nil } }) ?? readable.first else {
            throw BenchmarkFailure("no entity is readable without signing in; name one with --entity")
        }
        return chosen
    }

    /// Three hex digits each, as the loaded rows' names end in five.
    static func searchTerms() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<50).map { _ in String(format: "%03x", Int.random(in: 0..<4096, using: &generator)) }
    }

    /// The administrator's token, signed in through the gateway.
    static func signIn(gateway: String, plan: DeploymentPlan, password: String) async throws -> String {
        guard let (email, service) = plan.administrator, let identity = service.manifest.apiPrefix else {
            throw BenchmarkFailure("the app has no administrator to sign in as")
        }
        var request = URLRequest(url: URL(string: "\(gateway)\(identity)/login")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["email": email, "password": password])
        let (data, _) = try await URLFetch.fetch(request, session: URLSession(configuration: .ephemeral), timeout: .seconds(10))
        guard let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let token = answer["access_token"] as? String else {
            throw BenchmarkFailure("signing in as \(email) failed: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        return token
    }
}
