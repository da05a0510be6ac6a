import Foundation
import GravitySystem

/// What a service's files were when it was deployed: one SHA-256 over the path and digest of each
/// file under its directory, so that `deploy` can tell a running service whose code, migrations or
/// manifest changed since (a `develop --from` that changed the app) from one that did not.
enum ServiceFingerprint {
    /// Directories and files a run leaves beside the code (caches, a test run's coverage, the new
    /// versions kept beside the user's edits), which are not the service.
    static func isIgnored(_ name: String) -> Bool {
        ["__pycache__", ".pytest_cache", ".hypothesis", ".coverage", ".venv", ".mypy_cache", ".ruff_cache"].contains(name)
            || name.hasSuffix(".pyc") || name.hasSuffix(".gravity-new")
    }

    static func of(directory: String) -> String {
        var lines: [String] = []
        let root = URL(fileURLWithPath: directory)
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root.appendingPathComponent(relative)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in names where !isIgnored(name) {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(path)
                } else if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) {
                    lines.append("\(SHA256Digest.hex(data))  \(path)")
                }
            }
        }
        return SHA256Digest.hex(lines.sorted().joined(separator: "\n"))
    }

    /// The services of `plan` whose files are not what their processes were started with (as
    /// `records` say), and those the records have that the plan no longer does.
    static func changed(_ plan: DeploymentPlan, records: [ServiceRecord]) throws -> [String] {
        let recorded = Dictionary(records.map { ($0.name, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        let changed = plan.waves.joined().filter { of(directory: $0.directory) != recorded[$0.name] ?? nil }.map(\.name)
        return changed + recorded.keys.filter { name in !plan.services.contains { $0.name == name } }.sorted()
    }
}
