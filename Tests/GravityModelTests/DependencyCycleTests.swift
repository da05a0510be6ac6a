import GravityModel
import Testing

@Suite("Dependency cycles")
struct DependencyCycleTests {
    private func service(_ name: String, _ dependencies: [String]) -> ServiceSpec {
        ServiceSpec(name: name, kind: .api, description: "", apiPrefix: "/api/\(name)", entities: [], dependsOn: dependencies)
    }

    @Test("an acyclic graph has no cycle")
    func acyclic() {
        #expect(DependencyCycle.find(in: [service("a", ["b"]), service("b", ["c"]), service("c", [])]) == nil)
    }

    @Test("a cycle is named in order with the first service repeated")
    func cycle() {
        #expect(DependencyCycle.find(in: [service("a", ["b"]), service("b", ["c"]), service("c", ["a"])]) == ["a", "b", "c", "a"])
    }

    @Test("a self-dependency is a cycle")
    func selfDependency() {
        #expect(DependencyCycle.find(in: [service("a", ["a"])]) == ["a", "a"])
    }
}
