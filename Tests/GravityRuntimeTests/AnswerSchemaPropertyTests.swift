import Foundation
import GravityModel
import GravityRuntime
import GravitySystem
import Testing

/// Whatever a model held to the schema sent answers, the answer decodes: instances drawn from the
/// exact schemas of a session's requests by hypothesis-jsonschema (Tests/Support/schema_instances.py,
/// in the test tools' Python, which scripts/test installs) all decode into the answer types. One the
/// schema allows and the decoder refuses is a bug in one of the two.
@Suite("Answer schemas, property test")
struct AnswerSchemaPropertyTests {
    static let instancesPerSchema = 120

    /// A proposal and a review request of each phase, an arbitration, and an industry draft, from the ecommerce session.
    static func schemas() async throws -> [String: JSONValue] {
        let exchanges = try await AnswerSchemaTests.ecommerce.value
        var schemas: [String: JSONValue] = [:]
        for phase in Phase.allCases {
            for task in [ModelTask.propose, .review] {
                let request = try #require(exchanges.first { $0.0.phase == phase && $0.0.task == task }?.0)
                schemas["\(task == .review ? "review" : "proposal").\(phase.rawValue)"] = try AnswerSchemas.make(for: request)
            }
        }
        let review = try #require(exchanges.first { $0.0.task == .review }?.0)
        let arbitration = ModelRequest(
            persona: review.persona, phase: review.phase, round: review.round, task: .arbitrate, system: review.system, prompt: review.prompt,
            schema: "arbitration", context: review.context
        )
        schemas["arbitration"] = try AnswerSchemas.make(for: arbitration)
        let draft = ModelRequest(
            persona: "industry-drafter", phase: .requirements, round: 1, task: .draftIndustry, system: "", prompt: "",
            schema: IndustryDraft.schema, context: review.context
        )
        schemas["industry"] = try AnswerSchemas.make(for: draft)
        return schemas
    }

    @Test("thousands of answers drawn from the schemas sent all decode")
    func drawnAnswersDecode() async throws {
        let validator = try #require(ProcessRunner.which("kubernetes-validate"), "the test tools are not installed (scripts/test installs them)")
        let python = URL(fileURLWithPath: validator).deletingLastPathComponent().appendingPathComponent("python").path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schemas-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let schemas = try await Self.schemas()
        try JSONEncoder().encode(JSONValue.object(schemas)).write(to: URL(fileURLWithPath: "\(directory)/schemas.json"))
        let outcome = try await ProcessRunner.run(
            python,
            ["\(TestData.repositoryRoot)/Tests/Support/schema_instances.py", "\(directory)/schemas.json", String(Self.instancesPerSchema)],
            in: directory,
            environment: ProcessInfo.processInfo.environment,
            timeout: .seconds(900)
        )
        try #require(outcome.status == 0, "\(outcome.output.suffix(2000))")
        var decoded: [String: Int] = [:]
        var refused: [String] = []
        for line in outcome.output.split(separator: "\n") where line.hasPrefix("{\"name\"") {
            let drawn = try JSONValue.parse(Data(line.utf8))
            let name = try #require(drawn["name"]?.string)
            let instance = try JSONEncoder().encode(try #require(drawn["instance"]))
            do {
                switch name.split(separator: ".").first {
                case "proposal": _ = try JSONDecoder().decode(ProposalAnswer.self, from: instance)
                case "review": _ = try JSONDecoder().decode(ReviewAnswer.self, from: instance)
                case "industry": _ = try JSONDecoder().decode(Industry.self, from: instance)
                default: _ = try JSONDecoder().decode(ArbitrationAnswer.self, from: instance)
                }
                decoded[name, default: 0] += 1
            } catch {
                refused.append("\(name): \(AnswerProblem.describe(error)) in \(String(decoding: instance.prefix(300), as: UTF8.self))")
            }
        }
        #expect(refused.isEmpty, "\(refused.count) drawn answers did not decode; the first: \(refused.prefix(3).joined(separator: "\n"))")
        #expect(Set(decoded.keys) == Set(schemas.keys), "every schema gave instances")
        #expect(decoded.values.reduce(0, +) + refused.count >= 2000, "thousands of instances: \(decoded)")
    }
}
