import Foundation
import GravityModel

/// Reads `gravity-service.yaml` files and checks them, with errors that name the file, the field
/// and the line; unknown keys are reported, not dropped.
public enum ManifestLoader {
    public static let fileName = "gravity-service.yaml"

    /// Loads and validates the manifest at `path`; `displayPath` names it in errors.
    public static func load(_ path: String, displayPath: String? = nil) throws -> ServiceManifest {
        let document = try YAMLDocument.loadLocated(ServiceManifest.self, from: path, displayPath: displayPath)
        try validate(document)
        return document.value
    }

    /// Decodes and validates manifest text.
    public static func decode(_ text: String, file: String) throws -> ServiceManifest {
        let document = try YAMLDocument.decodeLocated(ServiceManifest.self, from: text, file: file)
        try validate(document)
        return document.value
    }

    /// The manifests of the services in `directory`: `services/*/gravity-service.yaml` when there is
    /// a services folder, otherwise `*/gravity-service.yaml`, sorted by path.
    public static func discover(in directory: String) throws -> [(path: String, manifest: ServiceManifest)] {
        let manager = FileManager.default
        let base = manager.fileExists(atPath: "\(directory)/services") ? "\(directory)/services" : directory
        let entries = ((try? manager.contentsOfDirectory(atPath: base)) ?? []).sorted()
        var found: [(String, ServiceManifest)] = []
        for entry in entries where manager.fileExists(atPath: "\(base)/\(entry)/\(fileName)") {
            let path = "\(base)/\(entry)"
            let display = base == directory ? "\(entry)/\(fileName)" : "services/\(entry)/\(fileName)"
            found.append((path, try load("\(path)/\(fileName)", displayPath: display)))
        }
        return found
    }

    static func validate(_ document: LocatedDocument<ServiceManifest>) throws {
        let manifest = document.value
        guard Identifier.isValid(manifest.name, allowingDashes: true) else {
            throw document.invalid("'\(manifest.name)' must be lowercase letters, digits, dashes and underscores", at: ["name"])
        }
        guard !manifest.command.isEmpty else { throw document.invalid("the command to start the service is missing", at: ["command"]) }
        for (index, port) in manifest.ports.enumerated() where !(1...65_535).contains(port) {
            throw document.invalid("\(port) is not a port number", at: ["ports", .index(index)])
        }
        if let prefix = manifest.apiPrefix, !prefix.hasPrefix("/") || prefix.contains("..") || prefix.contains(" ") {
            throw document.invalid("'\(prefix)' must be a path starting with /", at: ["api_prefix"])
        }
        guard (1...100).contains(manifest.replicas) else { throw document.invalid("must be from 1 to 100", at: ["replicas"]) }
        let check = manifest.healthCheck
        guard check.endpoint.hasPrefix("/") else {
            throw document.invalid("'\(check.endpoint)' must start with /", at: ["health_check", "endpoint"])
        }
        guard check.interval > 0, check.timeout > 0, check.retries >= 1 else {
            throw document.invalid("interval and timeout must be positive and retries at least 1", at: ["health_check"])
        }
        var seen = Set<String>()
        for (index, dependency) in manifest.dependencies.enumerated() {
            guard seen.insert(dependency.name).inserted else {
                throw document.invalid("'\(dependency.name)' is listed twice", at: ["dependencies", .index(index), "name"])
            }
        }
        for (index, secret) in manifest.environment.secrets.enumerated() where !Self.isVariableName(secret) {
            throw document.invalid("'\(secret)' is not an environment variable name", at: ["environment", "secrets", .index(index)])
        }
        for name in manifest.environment.variables.keys.sorted() where !Self.isVariableName(name) {
            throw document.invalid("'\(name)' is not an environment variable name", at: ["environment", "variables"])
        }
        for (index, database) in manifest.databases.enumerated() where !Identifier.isValid(database.name) {
            throw document.invalid("'\(database.name)' must be a lowercase identifier", at: ["databases", .index(index), "name"])
        }
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
