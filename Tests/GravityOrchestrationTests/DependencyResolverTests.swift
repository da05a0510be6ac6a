import GravityDeployContract
import GravityOrchestration
import Testing

@Suite("Dependency resolution")
struct DependencyResolverTests {
    private func service(_ name: String, _ version: String, _ dependencies: [(String, String, Bool)] = []) -> ServiceManifest {
        ServiceManifest(
            name: name,
            version: SemanticVersion(parsing: version)!,
            dependencies: dependencies.map {
                ServiceManifest.Dependency(name: $0.0, version: VersionConstraint(parsing: $0.1)!, optional: $0.2)
            }
        )
    }

    @Test("a needs b >=1.0.0, b needs c ^1.0.0: the order is c, b, a")
    func chain() throws {
        let services = [
            service("a", "1.0.0", [("b", ">=1.0.0", false)]), service("b", "1.5.0", [("c", "^1.0.0", false)]), service("c", "1.2.0"),
        ]
        #expect(try DependencyResolver.startOrder(services).map(\.name) == ["c", "b", "a"])
        #expect(try DependencyResolver.startOrder(services.reversed()).map(\.name) == ["c", "b", "a"])
    }

    @Test("independent services start in alphabetical order, every time")
    func deterministic() throws {
        let services = [service("zeta", "1.0.0"), service("alpha", "1.0.0"), service("mid", "1.0.0", [("zeta", "*", false)])]
        #expect(try DependencyResolver.startOrder(services).map(\.name) == ["alpha", "zeta", "mid"])
    }

    @Test("b at 1.0.0 against >=2.0.0 fails, naming both")
    func unsatisfied() {
        #expect(throws: ResolutionError.unsatisfied(service: "a", dependency: "b", constraint: ">=2.0.0", found: "1.0.0")) {
            try DependencyResolver.startOrder([self.service("a", "1.0.0", [("b", ">=2.0.0", false)]), self.service("b", "1.0.0")])
        }
        #expect(
            ResolutionError.unsatisfied(service: "a", dependency: "b", constraint: ">=2.0.0", found: "1.0.0").description
                == "a requires b >=2.0.0, but b is at 1.0.0"
        )
    }

    @Test("a -> b -> c -> a fails, naming the whole cycle in order")
    func cycle() {
        let services = [
            service("a", "1.0.0", [("b", "*", false)]), service("b", "1.0.0", [("c", "*", false)]),
            service("c", "1.0.0", [("a", "*", false)]),
        ]
        #expect(throws: ResolutionError.cycle(["a", "b", "c", "a"])) { try DependencyResolver.startOrder(services) }
        #expect(ResolutionError.cycle(["a", "b", "c", "a"]).description.contains("a -> b -> c -> a"))
    }

    @Test("a service depending on itself is a cycle")
    func selfDependency() {
        #expect(throws: ResolutionError.cycle(["a", "a"])) {
            try DependencyResolver.startOrder([self.service("a", "1.0.0", [("a", "*", false)])])
        }
        #expect(ResolutionError.cycle(["a", "a"]).description == "a depends on itself")
    }

    @Test("a missing optional dependency is fine; a missing required one is not")
    func missing() throws {
        #expect(try DependencyResolver.startOrder([service("a", "1.0.0", [("cache", "*", true)])]).map(\.name) == ["a"])
        #expect(throws: ResolutionError.missingDependency(service: "a", dependency: "auth", constraint: "^2.0.0")) {
            try DependencyResolver.startOrder([self.service("a", "1.0.0", [("auth", "^2.0.0", false)])])
        }
    }

    @Test("two services with one name are refused")
    func duplicate() {
        #expect(throws: ResolutionError.duplicateService("a")) {
            try DependencyResolver.startOrder([self.service("a", "1.0.0"), self.service("a", "2.0.0")])
        }
    }
}
