import Foundation
import GravityDeployContract
import GravityTestSupport
import Testing

@testable import GravityOrchestration

/// What `deploy --target compose|kubernetes` writes for a directory of hand-written services, made
/// again by the deploy contract's renderers, reads as the same documents as the files the old
/// writers made (Fixtures/deploy-before/<case>/deploy): only the layout may change.
@Suite("Container target files before and after the deploy contract")
struct ContainerTargetFilesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures/deploy-before"

    @Test("compose and kubernetes files read as the same documents as before", arguments: ["bank", "shop", "solo"])
    func sameDocuments(name: String) throws {
        let root = "\(Self.fixtures)/\(name)"
        let app = try DeploymentPlan.load(root).containerApp
        var rendered = ["deploy/docker-compose.yml": try ComposeRenderer.render(app)]
        for file in try KubernetesRenderer.render(app) { rendered["deploy/kubernetes/\(file.name)"] = file.text }
        let recorded =
            try FileManager.default.contentsOfDirectory(atPath: "\(root)/deploy/kubernetes").map { "deploy/kubernetes/\($0)" }
            + ["deploy/docker-compose.yml"]
        #expect(Set(rendered.keys) == Set(recorded), "\(name): the set of files changed")
        for path in recorded.sorted() {
            guard let text = rendered[path] else { continue }
            let before = try ParsedYAML.documents(String(contentsOfFile: "\(root)/\(path)", encoding: .utf8))
            let after = try ParsedYAML.documents(text)
            #expect(before.count == after.count, "\(name)/\(path): \(before.count) documents became \(after.count)")
            for (index, pair) in zip(before, after).enumerated() {
                let difference = pair.0.firstDifference(from: pair.1)
                #expect(difference == nil, "\(name)/\(path), document \(index + 1): \(difference ?? "")")
            }
        }
    }
}
