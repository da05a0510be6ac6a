/// Finds dependency cycles among services.
public enum DependencyCycle {
    /// The first cycle found, as service names in order with the first repeated at the end
    /// (`["a", "b", "a"]`), or nil when the graph is acyclic. Services are visited in the given order.
    public static func find(in services: [ServiceSpec]) -> [String]? {
        let edges = Dictionary(services.map { ($0.name, $0.dependsOn) }, uniquingKeysWith: { first, _ in first })
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

        for service in services {
            if let cycle = visit(service.name) { return cycle }
        }
        return nil
    }
}
