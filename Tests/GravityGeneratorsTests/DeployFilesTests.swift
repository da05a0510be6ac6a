import Foundation
import GravityGenerators
import GravityModel
import GravityTestSupport
import Testing

/// The deploy files of the five industries, generated again, read as the same documents as the
/// files last reviewed (Fixtures/deploy-files, first written by the line-by-line writers before the
/// deploy contract): their layout may change, their documents only with a reviewed diff.
/// `scripts/update-example` writes them again after a generator change.
@Suite("Deploy files as last reviewed")
struct DeployFilesTests {
    static let fixtures = GeneratorTestData.repositoryRoot + "/Tests/GravityGeneratorsTests/Fixtures/deploy-files"

    @Test("every YAML file of the generated app reads as the same documents as last reviewed", arguments: GeneratorTestData.industries)
    func sameDocuments(industry: String) async throws {
        let session = try await GeneratorTestData.session(industry)
        let files = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions)
        let generated = Dictionary(
            files.filter { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") }.map { ($0.path, $0.contents) },
            uniquingKeysWith: { first, _ in first }
        )
        let directory = "\(Self.fixtures)/\(industry)"
        let recorded = try Self.files(under: directory)
        #expect(Set(generated.keys) == Set(recorded), "\(industry): the set of YAML files changed")
        let frontendFiles = Dictionary(
            files.filter { $0.path.hasPrefix("frontend/") }.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first }
        )
        for path in recorded.sorted() {
            guard let text = generated[path] else { continue }
            var before = try ParsedYAML.documents(String(contentsOfFile: "\(directory)/\(path)", encoding: .utf8))
            let after = try ParsedYAML.documents(text)
            if path.hasSuffix("80-frontend.yaml") { before = Self.withFrontendFilesAsGenerated(before, files: frontendFiles) }
            #expect(before.count == after.count, "\(industry)/\(path): \(before.count) documents became \(after.count)")
            for (index, pair) in zip(before, after).enumerated() {
                let difference = pair.0.firstDifference(from: pair.1)
                #expect(difference == nil, "\(industry)/\(path), document \(index + 1): \(difference ?? "")")
            }
        }
    }

    /// The frontend ConfigMap holds the frontend's files as the generator writes them now: their
    /// contents are the generator's to change (ExampleAppTests reviews them byte for byte), and the old
    /// literal block (`|`) also ended app.js with a line break the file does not have. What this
    /// test guards is everything around them.
    static func withFrontendFilesAsGenerated(_ before: [ParsedYAML], files: [String: String]) -> [ParsedYAML] {
        guard case .map(var configMap)? = before.first, case .map(var data)? = configMap["data"] else { return before }
        for key in data.keys {
            if let contents = files["frontend/\(key)"] { data[key] = .text(contents) }
        }
        configMap["data"] = .map(data)
        return [.map(configMap)] + before.dropFirst()
    }

    /// Paths of the YAML files under `directory`, relative to it.
    static func files(under directory: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { found.append(path) }
        }
        return found
    }
}
