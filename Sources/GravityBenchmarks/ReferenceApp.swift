import Foundation
import GravityGenerators
import GravityModel
import GravityOrchestration
import GravityRuntime

/// The app a benchmark works on: an industry's team, its run with the mock model (seed 42), and the
/// files generated from that run's Blueprint.
struct ReferenceApp {
    var team: Team
    var blueprint: Blueprint
    var files: [GeneratedFile]

    static func make(industry: String, root: String) async throws -> ReferenceApp {
        let catalog = try Catalog(root: root)
        let team = try catalog.team(for: catalog.industry(industry))
        let session = try await DevelopmentSession.run(
            SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: 42, model: MockModel(seed: 42))
        )
        let files = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions, team: team)
        return ReferenceApp(team: team, blueprint: session.blueprint, files: files)
    }

    /// The files written into `directory` (made for them), read back as an app to deploy.
    func write(to directory: String) throws -> DeploymentPlan {
        let output = try OutputDirectory(path: directory)
        for file in files { try output.write(Data(file.contents.utf8), to: file.path, mode: file.mode) }
        return try DeploymentPlan.load(directory)
    }
}
