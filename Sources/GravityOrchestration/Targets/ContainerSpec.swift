import Foundation
import GravityDeployContract
import GravityModel

/// What the deploy contract's Compose and Kubernetes renderers need to know about one hand-written
/// service, worked out from its manifest the same way for both: the contract's port inside the
/// container, other services by name, secrets by reference, databases by kind.
struct ContainerSpec {
    static let port = ContainerService.port

    let service: DeploymentPlan.Service
    /// The service's directory relative to the app.
    let path: String

    var name: String { service.name }
    var manifest: ServiceManifest { service.manifest }
    var hasDockerfile: Bool { FileManager.default.fileExists(atPath: "\(service.directory)/Dockerfile") }
    var hasRequirements: Bool { FileManager.default.fileExists(atPath: "\(service.directory)/requirements.txt") }
    var sqlite: [ServiceManifest.Database] { manifest.databases.filter { $0.type == .sqlite } }
    var postgres: [ServiceManifest.Database] { manifest.databases.filter { $0.type == .postgresql } }
    /// The databases that run as servers (every type but SQLite), each in a container of its own.
    var servers: [ServiceManifest.Database] { manifest.databases.filter { $0.type != .sqlite } }

    init(_ service: DeploymentPlan.Service, root: String) {
        self.service = service
        path = service.directory.hasPrefix(root + "/") ? String(service.directory.dropFirst(root.count + 1)) : service.directory
    }

    /// The base image for a service without a Dockerfile, from its runtime (python3.11, node20 ...).
    var baseImage: String {
        let runtime = manifest.runtime ?? "python3.11"
        if runtime.hasPrefix("python") {
            let version = runtime.dropFirst("python".count)
            return "python:\(version.isEmpty ? "3.11" : String(version))-slim"
        }
        if runtime.hasPrefix("node") {
            return "node:\(runtime.dropFirst("node".count).isEmpty ? "20" : String(runtime.dropFirst("node".count)))-slim"
        }
        return runtime
    }

    /// The command with ${PORT} filled in; other ${VAR}s stay for the container's shell to see.
    var command: [String] {
        manifest.command.map { $0.replacingOccurrences(of: "${PORT}", with: String(Self.port)) }
    }

    /// Plain variables: PORT, the manifest's own (with service URLs filled in), dependency URLs.
    func variables(serviceURL: (String) -> String) -> [(String, String)] {
        var values: [String: String] = ["PORT": String(Self.port)]
        var known: [String: String] = [:]
        for dependency in manifest.dependencies {
            let variable = Naming.environmentName(dependency.name) + "_SERVICE_URL"
            known[variable] = serviceURL(dependency.name)
            values[variable] = serviceURL(dependency.name)
        }
        for (key, value) in manifest.environment.variables {
            var filled = value
            for (name, url) in known { filled = filled.replacingOccurrences(of: "${\(name)}", with: url) }
            values[key] = filled
        }
        if let first = sqlite.first, servers.isEmpty || manifest.databases.first == first {
            values["DATABASE_URL"] = "sqlite:////data/\(first.name).sqlite"
        }
        return values.sorted { $0.key < $1.key }
    }

    var healthTest: String {
        let url = "http://127.0.0.1:\(Self.port)\(manifest.healthCheck.endpoint)"
        return "python3 -c \"import urllib.request; urllib.request.urlopen('\(url)')\" 2>/dev/null || wget -qO- \(url) >/dev/null"
    }
}
