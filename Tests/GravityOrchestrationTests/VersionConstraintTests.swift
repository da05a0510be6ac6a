import GravityDeployContract
import GravityOrchestration
import Testing

@Suite("Version constraints")
struct VersionConstraintTests {
    @Test(
        "the issue's acceptance cases and the other operators",
        arguments: [
            ("^1.2.3", "1.2.3", true), ("^1.2.3", "1.9.9", true), ("^1.2.3", "2.0.0", false), ("^1.2.3", "0.9.0", false),
            ("~1.2.3", "1.2.9", true), ("~1.2.3", "1.3.0", false), ("~1.2.3", "1.2.2", false),
            (">=1.0.0", "0.9.0", false), (">=1.0.0", "1.0.0", true), ("*", "0.0.1", true),
            ("1.2.3", "1.2.3", true), ("1.2.3", "1.2.4", false), ("==1.2.3", "1.2.3", true), ("=1.2.3", "1.2.4", false),
            (">1.0.0", "1.0.0", false), (">1.0.0", "1.0.1", true), ("<=2.0.0", "2.0.0", true), ("<2.0.0", "2.0.0", false),
            (">=1.2, <2", "1.9.0", true), (">=1.2, <2", "2.0.0", false), (">=1.2, <2", "1.1.9", false), ("1.10.0", "1.10.0", true),
        ]
    )
    func accepts(constraint: String, version: String, expected: Bool) throws {
        let parsed = try #require(VersionConstraint(parsing: constraint))
        let candidate = try #require(SemanticVersion(parsing: version))
        #expect(parsed.accepts(candidate) == expected)
    }

    @Test("nonsense is not a constraint or a version", arguments: ["", "latest", ">=", "^x.y", "1.2.3.4", "1..2", "~>1"])
    func rejects(text: String) {
        #expect(VersionConstraint(parsing: text) == nil)
    }

    @Test("versions compare numerically, not as text")
    func ordering() throws {
        #expect(try #require(SemanticVersion(parsing: "1.10.0")) > (try #require(SemanticVersion(parsing: "1.9.0"))))
        #expect(SemanticVersion(parsing: "2") == SemanticVersion(2, 0, 0))
        #expect(SemanticVersion(parsing: "v1.2") == SemanticVersion(1, 2, 0))
    }
}
