import Foundation
import GravitySystem
import GravityModel

/// How one service is started: its program, arguments and environment, worked out once and reused
/// for every restart.
struct ServiceLaunch: Sendable {
    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var port: Int
    var healthURL: String
    /// The service's files this launch was made for (`ServiceFingerprint`), once its migrations are
    /// applied: what a restart of it runs, and what `deploy` compares the files with.
    var fingerprint: String?

    /// Injects the port, databases, dependency URLs and secrets, then fills `${VAR}` in the
    /// manifest's variables and command from them (and from deploy's own environment).
    static func make(
        service: DeploymentPlan.Service,
        port: Int,
        databaseURLs: [(name: String, url: String)],
        dependencyPorts: [String: Int],
        secrets: [String: String],
        pythonBin: String?,
        base: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ServiceLaunch {
        let manifest = service.manifest
        var injected: [String: String] = [
            "PORT": String(port),
            "HOST": "127.0.0.1",
            "SERVICE_NAME": manifest.name,
            "PYTHONUNBUFFERED": "1",
            "WEB_CONCURRENCY": workers(base),
        ]
        if let first = databaseURLs.first { injected["DATABASE_URL"] = first.url }
        for database in databaseURLs { injected[Naming.environmentName(database.name) + "_URL"] = database.url }
        for dependency in manifest.dependencies {
            guard let dependencyPort = dependencyPorts[dependency.name] else { continue }
            injected[Naming.environmentName(dependency.name) + "_SERVICE_URL"] = "http://127.0.0.1:\(dependencyPort)"
        }
        for name in manifest.environment.secrets { injected[name] = secrets[name] }
        var searchPath = (base["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        if let pythonBin {
            searchPath.insert(pythonBin, at: 0)
            injected["VIRTUAL_ENV"] = (pythonBin as NSString).deletingLastPathComponent
        }
        injected["PATH"] = searchPath.joined(separator: ":")

        // Services see only what they need: an allowlist of deploy's environment plus what is
        // injected. The rest (API keys, cloud tokens) may fill ${NAME} in the manifest, but is not passed on.
        let lookup = base.merging(injected) { _, new in new }
        var environment = base.filter { Self.passedOn($0.key) }.merging(injected) { _, new in new }
        for (name, value) in manifest.environment.variables {
            environment[name] = try substitute(value, from: lookup, service: manifest.name, field: "environment.variables.\(name)")
        }
        let command = try manifest.command.map { try substitute($0, from: environment, service: manifest.name, field: "command") }
        guard let program = command.first,
            let executable = ProcessControl.resolve(program, in: service.directory, searchPath: searchPath)
        else {
            throw DeployError.serviceFailed(
                service: manifest.name,
                reason:
                    "cannot start: '\(command.first ?? "")' (its command) is not an executable in the service, its Python environment or PATH"
            )
        }
        return ServiceLaunch(
            executable: executable,
            arguments: Array(command.dropFirst()),
            environment: environment,
            port: port,
            healthURL: "http://127.0.0.1:\(port)\(manifest.healthCheck.endpoint)"
        )
    }

    /// The worker processes a service runs (uvicorn, gunicorn and Node servers read WEB_CONCURRENCY):
    /// deploy's own WEB_CONCURRENCY when it is a positive number, else one per core, as one Python
    /// process runs on one core at a time. A manifest's own value wins over both.
    static func workers(_ base: [String: String]) -> String {
        if let given = base["WEB_CONCURRENCY"].flatMap({ Int($0) }), given > 0 { return String(given) }
        return String(max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Variables of deploy's own environment that services inherit.
    static func passedOn(_ name: String) -> Bool {
        ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "TZ", "TMPDIR", "TERM"].contains(name) || name.hasPrefix("LC_")
    }

    /// Replaces each `${NAME}` with its value; an unknown name is an error naming the field.
    static func substitute(_ text: String, from values: [String: String], service: String, field: String) throws -> String {
        guard let pieces = Placeholders.split(Substring(text), open: "${", close: "}") else {
            throw DeployError.serviceFailed(service: service, reason: "has '${' without '}' in \(field)")
        }
        return try pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .name(let name):
                guard let value = values[name] else {
                    throw DeployError.serviceFailed(
                        service: service,
                        reason: "uses ${\(name)} in \(field), which is neither injected by deploy nor set in the environment"
                    )
                }
                return value
            }
        }.joined()
    }
}
