/// Finds dependency cycles, among the Blueprint's services or the manifests of a deployment.
public enum DependencyCycle {
    /// The first cycle found, as service names in order with the first repeated at the end
    /// (`["a", "b", "a"]`), or nil when the graph is acyclic. Services are visited in the given order.
    public static func find(in services: [ServiceSpec]) -> [String]? {
        find(
            names: services.map(\.name),
            edges: Dictionary(services.map { ($0.name, $0.dependsOn) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// The first cycle in the graph `edges` (name to the names it depends on), visiting `names` in order.
    public static func find(names: [String], edges: [String: [String]]) -> [String]? {
        var finished = Set<String>()
        var path: [String] = []

        func visit(_ node: String) -> [String]? {
            if let start = path.firstIndex(of: node) { return Array(path[start...]) + [node] }
            if finished.contains(node) { return nil }
            path.append(node)
            for next in edges[node] ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            finished.insert(node)
            return nil
        }

        for name in names {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }
}
