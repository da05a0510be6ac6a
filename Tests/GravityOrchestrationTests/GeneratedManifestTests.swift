import Foundation
import GravityDeployContract
import GravityGenerators
import GravityModel
import GravityOrchestration
import GravityRuntime
import Testing

@Suite("Generated manifests")
struct GeneratedManifestTests {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test(
        "every generated service's manifest loads, and the services resolve dependencies first",
        arguments: ["ecommerce", "finance", "general"]
    )
    func generated(industry: String) async throws {
        let catalog = try Catalog(root: Self.root)
        let team = try catalog.team(for: catalog.industry(industry))
        let session = try await DevelopmentSession.run(
            SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: 42, model: MockModel(seed: 42))
        )
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-orch-\(UUID().uuidString)").path
        let output = try OutputDirectory(path: directory)
        for file in try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions) {
            try output.write(Data(file.contents.utf8), to: file.path, mode: file.mode)
        }
        let found = try ManifestLoader.discover(in: directory)
        #expect(found.count == session.blueprint.architecture?.services.count)
        let order = try DependencyResolver.startOrder(found.map(\.manifest)).map(\.name)
        for service in session.blueprint.architecture?.services ?? [] {
            let position = try #require(order.firstIndex(of: service.name))
            for dependency in service.dependsOn {
                #expect(try #require(order.firstIndex(of: dependency)) < position, "\(dependency) before \(service.name)")
            }
        }
        #expect(found.allSatisfy { !$0.manifest.command.isEmpty && $0.manifest.apiPrefix != nil })
    }
}
