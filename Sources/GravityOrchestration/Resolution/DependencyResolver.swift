import GravityDeployContract
import GravityModel

/// Orders services so that each starts after the services it depends on, after checking that
/// every required dependency is there, at a version its constraint accepts, with no cycle.
public enum DependencyResolver {
    /// The start order: dependencies first; among services free to start, alphabetical, so the
    /// order is the same every time.
    public static func startOrder(_ manifests: [ServiceManifest]) throws -> [ServiceManifest] {
        var byName: [String: ServiceManifest] = [:]
        for manifest in manifests {
            guard byName[manifest.name] == nil else { throw ResolutionError.duplicateService(manifest.name) }
            byName[manifest.name] = manifest
        }
        var edges: [String: [String]] = [:]
        for manifest in manifests.sorted(by: { $0.name < $1.name }) {
            for dependency in manifest.dependencies {
                guard let provider = byName[dependency.name] else {
                    if dependency.optional { continue }
                    throw ResolutionError.missingDependency(
                        service: manifest.name,
                        dependency: dependency.name,
                        constraint: dependency.version.description
                    )
                }
                guard dependency.version.accepts(provider.version) else {
                    throw ResolutionError.unsatisfied(
                        service: manifest.name,
                        dependency: dependency.name,
                        constraint: dependency.version.description,
                        found: provider.version.description
                    )
                }
                edges[manifest.name, default: []].append(dependency.name)
            }
        }
        if let cycle = DependencyCycle.find(names: byName.keys.sorted(), edges: edges) { throw ResolutionError.cycle(cycle) }

        var remaining = Dictionary(uniqueKeysWithValues: byName.keys.map { ($0, Set(edges[$0] ?? [])) })
        var order: [ServiceManifest] = []
        while !remaining.isEmpty {
            guard let next = remaining.filter({ $0.value.isEmpty }).keys.min(), let manifest = byName[next] else { break }
            order.append(manifest)
            remaining[next] = nil
            for key in remaining.keys { remaining[key]?.remove(next) }
        }
        return order
    }
}

/// Why services cannot be started together.
public enum ResolutionError: Error, CustomStringConvertible, Equatable {
    case duplicateService(String)
    case missingDependency(service: String, dependency: String, constraint: String)
    case unsatisfied(service: String, dependency: String, constraint: String, found: String)
    case cycle([String])

    public var description: String {
        switch self {
        case .duplicateService(let name):
            "two services are named '\(name)'"
        case .missingDependency(let service, let dependency, let constraint):
            "\(service) requires \(dependency) \(constraint), which is not among the services"
        case .unsatisfied(let service, let dependency, let constraint, let found):
            "\(service) requires \(dependency) \(constraint), but \(dependency) is at \(found)"
        case .cycle(let names):
            names.count == 2
                ? "\(names[0]) depends on itself"
                : "services depend on each other in a cycle: \(names.joined(separator: " -> "))"
        }
    }
}
