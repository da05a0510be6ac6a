import Foundation
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// The app's own PostgreSQL server, made with the machine's initdb and started with pg_ctl on a free
/// loopback port, with a generated superuser password. PostgreSQL refuses to run as root, so when
/// deploy runs as root the cluster belongs to the `postgres` user and lives where that user can reach it.
public struct PostgresServer: Sendable {
    public let directory: String
    public let port: Int
    public let password: String
    let binaries: String
    let asPostgresUser: Bool

    public var dataDirectory: String { "\(directory)/data" }

    /// The URL of `database` on this server.
    public func url(_ database: String) -> String {
        "postgresql://postgres:\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// Where the cluster of the app at `root` lives.
    static func clusterDirectory(root: String, stateDirectory: String) -> String {
        guard getuid() == 0 else { return "\(stateDirectory)/postgres" }
        return "/var/lib/gravity-team/postgres/\(SHA256Digest.hex(root).prefix(16))"
    }

    /// The machine's PostgreSQL programs: the newest /usr/lib/postgresql/<version>/bin, else PATH.
    static func findBinaries() throws -> String {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap { Int($0) }.sorted()
        if let newest = versions.last, FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(newest)/bin/initdb") {
            return "/usr/lib/postgresql/\(newest)/bin"
        }
        if let initdb = ProcessRunner.which("initdb") { return (initdb as NSString).deletingLastPathComponent }
        throw DeployError.missingTool(
            "PostgreSQL",
            install: "install it (Debian: apt-get install postgresql) to deploy services that use postgresql"
        )
    }

    /// Creates the cluster if needed and starts it.
    static func start(root: String, stateDirectory: String, password: String, log: String) async throws -> PostgresServer {
        let binaries = try findBinaries()
        let asPostgres = getuid() == 0
        let directory = clusterDirectory(root: root, stateDirectory: stateDirectory)
        let manager = FileManager.default
        // Parents must stay traversable for the postgres user; the cluster itself is private.
        try manager.createDirectory(
            atPath: (directory as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755]
        )
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if asPostgres { try chownToPostgres(directory) }
        if !manager.fileExists(atPath: "\(directory)/data/PG_VERSION") {
            try? manager.removeItem(atPath: "\(directory)/data")
            let passwordFile = "\(directory)/initdb-password"
            try password.write(toFile: passwordFile, atomically: false, encoding: .utf8)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile)
            if asPostgres { try chownToPostgres(passwordFile) }
            defer { try? manager.removeItem(atPath: passwordFile) }
            let status = try await run(
                binaries,
                "initdb",
                asPostgres: asPostgres,
                log: log,
                [
                    "-D", "\(directory)/data", "-U", "postgres", "-A", "scram-sha-256", "--pwfile", passwordFile, "-E", "UTF8",
                    "--no-locale", "--no-sync",
                ]
            )
            guard status == 0 else {
                throw DeployError.postgres(.initdbFailed(LogFile.tail(log, lines: 3).joined(separator: " | ")))
            }
        }
        var lastProblem = ""
        for _ in 0..<5 {
            let port = try PortAllocator.freePort()
            let status = try await run(
                binaries,
                "pg_ctl",
                asPostgres: asPostgres,
                log: log,
                [
                    "-D", "\(directory)/data", "-l", "\(directory)/server.log", "-w", "-t", "60", "start",
                    "-o", "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1",
                ]
            )
            if status == 0 {
                return PostgresServer(directory: directory, port: port, password: password, binaries: binaries, asPostgresUser: asPostgres)
            }
            lastProblem = LogFile.tail("\(directory)/server.log", lines: 2).joined(separator: " | ")
            // pg_ctl gave up waiting, but a server may still be coming up: stop it before trying again.
            if FileManager.default.fileExists(atPath: "\(directory)/data/postmaster.pid") {
                _ = try? await run(
                    binaries,
                    "pg_ctl",
                    asPostgres: asPostgres,
                    log: log,
                    ["-D", "\(directory)/data", "-m", "immediate", "-w", "stop"]
                )
            }
        }
        throw DeployError.postgres(.didNotStart(directory: directory, problem: lastProblem))
    }

    /// Stops a cluster started by `start` (by its directory, so a new shell can do it).
    static func stop(directory: String, log: String) async {
        guard let binaries = try? findBinaries(), FileManager.default.fileExists(atPath: "\(directory)/data/postmaster.pid") else { return }
        _ = try? await run(
            binaries,
            "pg_ctl",
            asPostgres: getuid() == 0,
            log: log,
            ["-D", "\(directory)/data", "-m", "fast", "-w", "stop"]
        )
    }

    /// The postmaster's pid, from its pid file.
    static func serverPid(directory: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: "\(directory)/data/postmaster.pid", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first.flatMap { pid_t($0) }
    }

    /// Creates `name` unless it exists.
    func createDatabase(_ name: String, log: String) async throws {
        let exists = try await psql(["-d", "postgres", "-At", "-c", "SELECT 1 FROM pg_database WHERE datname = '\(name)'"], log: log)
        guard exists.status == 0 else {
            let hint =
                exists.output.contains("password authentication failed")
                ? " (the cluster in \(directory) was made with another password, e.g. before .gravity/ was removed; delete that directory to start afresh)"
                : ""
            throw DeployError.postgres(.unreachable(problem: exists.output.lastLine, hint: hint))
        }
        if exists.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1" { return }
        let created = try await psql(["-d", "postgres", "-c", "CREATE DATABASE \"\(name)\""], log: log)
        guard created.status == 0 else { throw DeployError.postgres(.cannotCreateDatabase(name: name, problem: created.output.lastLine)) }
    }

    /// Runs psql against this server.
    func psql(_ arguments: [String], log: String) async throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password
        environment["PGCONNECT_TIMEOUT"] = "10"
        let outcome = try await ProcessRunner.run(
            "\(binaries)/psql",
            ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q"] + arguments,
            environment: environment,
            timeout: .seconds(300)
        )
        return (outcome.status, outcome.output)
    }

    private static func run(
        _ binaries: String,
        _ program: String,
        asPostgres: Bool,
        log: String,
        _ arguments: [String]
    ) async throws -> Int32? {
        let executable = asPostgres ? "/usr/sbin/runuser" : "\(binaries)/\(program)"
        let full = asPostgres ? ["-u", "postgres", "--", "\(binaries)/\(program)"] + arguments : arguments
        return try await ProcessControl.run(executable, full, directory: "/", logFile: log, timeout: .seconds(120))
    }

    private static func chownToPostgres(_ path: String) throws {
        guard let user = getpwnam("postgres") else {
            throw DeployError.postgres(.rootWithoutPostgresUser)
        }
        guard chown(path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
            throw DeployError.pathNotUsable(path, reason: "cannot give it to the postgres user")
        }
    }
}
