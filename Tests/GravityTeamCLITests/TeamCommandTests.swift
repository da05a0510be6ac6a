import Foundation
import Testing

@Suite("gravity-team team and industries")
struct TeamCommandTests {
    @Test("team --json lists 14 members with DESIGN.md's weights")
    func teamJSON() async throws {
        let outcome = try await CLI.run(["team", "--industry", "ecommerce", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let listing = try #require(try CLI.json(outcome.stdout) as? [String: Any])
        let members = try #require(listing["members"] as? [[String: Any]])
        #expect(members.count == 14)
        let weights = Dictionary(uniqueKeysWithValues: members.map { ($0["name"] as? String ?? "", $0["weight"] as? Double ?? 0) })
        #expect(weights["Dr. Marcus Chen"] == 2.07)
        #expect(weights["Dr. Priya Sharma"] == 1.98)
        #expect(weights["Dr. Robert Kim"] == 1.92)
        #expect(weights["Emma Thompson"] == 1.52)
    }

    @Test("team prints a table with a row per member")
    func teamTable() async throws {
        let outcome = try await CLI.run(["team", "--industry", "healthcare"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 15)
        #expect(outcome.stdout.contains("Dr. Lisa Anderson"))
    }

    @Test("industries lists the five shipped industries")
    func industries() async throws {
        let outcome = try await CLI.run(["industries", "--json"])
        #expect(outcome.status == 0)
        let list = try #require(try CLI.json(outcome.stdout) as? [[String: Any]])
        #expect(Set(list.compactMap { $0["id"] as? String }) == ["ecommerce", "healthcare", "finance", "education", "general"])
    }
}
