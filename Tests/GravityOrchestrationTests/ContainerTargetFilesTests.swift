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

@Suite("Container target names")
struct ContainerTargetNameTests {
    @Test("a service named with '_' is reached under Kubernetes at its Service's name, a DNS label")
    func underscoreNames() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manifests = [
            "stock_api": "name: stock_api\nversion: 1.0.0\ncommand: python3 -m http.server ${PORT}\napi_prefix: /api/stock\n",
            "order_api": """
                name: order_api
                version: 1.0.0
                command: python3 -m http.server ${PORT}
                api_prefix: /api/orders
                dependencies:
                  - {name: stock_api, version: "^1.0.0"}
                environment:
                  variables: {STOCK: "${STOCK_API_SERVICE_URL}"}

                """,
        ]
        for (name, text) in manifests {
            try FileManager.default.createDirectory(atPath: "\(root)/\(name)", withIntermediateDirectories: true)
            try text.write(toFile: "\(root)/\(name)/gravity-service.yaml", atomically: true, encoding: .utf8)
        }
        let app = try DeploymentPlan.load(root).containerApp
        let documents = try KubernetesRenderer.render(app).flatMap { try ParsedYAML.documents($0.text) }
        let serviceNames = documents.compactMap { document -> String? in
            guard document["kind"]?.string == "Service" else { return nil }
            return document["metadata", "name"]?.string
        }
        #expect(serviceNames.contains("stock-api"), "\(serviceNames)")
        let addresses = documents.compactMap { document -> String? in
            guard document["kind"]?.string == "ConfigMap" else { return nil }
            return document["data", "STOCK_API_SERVICE_URL"]?.string
        }
        #expect(addresses == ["http://stock-api"], "the order service's configuration: \(addresses)")
        let stock = documents.compactMap { $0["data", "STOCK"]?.string }
        #expect(stock == ["http://stock-api"], "a manifest's own variable naming the URL: \(stock)")
    }
}
