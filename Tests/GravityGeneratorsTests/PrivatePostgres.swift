import Foundation

/// A throwaway PostgreSQL cluster on a free loopback port, made with the machine's initdb and
/// pg_ctl (as the postgres user when the tests run as root, since PostgreSQL refuses root).
final class PrivatePostgres: Sendable {
    let directory: String
    let port: Int
    private let tools: Tools

    init() async throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted().last else {
            throw PostgresUnavailable(reason: "PostgreSQL is not installed (Debian: apt-get install postgresql)")
        }
        let tools = Tools(binaries: "/usr/lib/postgresql/\(version)/bin", asPostgres: getuid() == 0)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if tools.asPostgres { _ = try await GeneratorTestData.run("/bin/chown", ["postgres:postgres", directory]) }
        let initialized = try await tools.command("initdb", ["-D", "\(directory)/data", "-A", "trust", "-U", "postgres", "--no-sync"])
        guard initialized.status == 0 else { throw PostgresUnavailable(reason: "initdb failed: \(initialized.output)") }
        var started: GeneratorTestData.Outcome?
        var chosen = 0
        for attempt in 0..<10 {
            chosen = 20_000 + Int.random(in: 0..<20_000) + attempt
            // The server outlives pg_ctl and would hold a captured output pipe open: send pg_ctl's output to a file.
            started = try await tools.command(
                "pg_ctl",
                outputFile: "\(directory)/pg_ctl.out",
                [
                    "-D", "\(directory)/data", "-l", "\(directory)/log", "-w", "-t", "30", "start",
                    "-o", "-p \(chosen) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off",
                ]
            )
            if started?.status == 0 { break }
            started?.output = (try? String(contentsOfFile: "\(directory)/log", encoding: .utf8)) ?? ""
        }
        guard started?.status == 0 else { throw PostgresUnavailable(reason: "pg_ctl start failed: \(started?.output ?? "")") }
        self.directory = directory
        self.tools = tools
        port = chosen
    }

    /// Creates a database.
    func createDatabase(_ name: String) async throws {
        let outcome = try await tools.command("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name])
        guard outcome.status == 0 else { throw PostgresUnavailable(reason: outcome.output) }
    }

    /// Runs a SQL file, stopping at the first error; returns psql's status and output.
    func run(file: String, database: String) async throws -> GeneratorTestData.Outcome {
        try await tools.command(
            "psql",
            ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-f", file]
        )
    }

    /// Runs SQL statements in one session, stopping at the first error.
    func run(sql: String, database: String) async throws -> GeneratorTestData.Outcome {
        try await tools.command("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql])
    }

    /// The rows of a query, unaligned and without headers, one line each.
    func value(_ sql: String, database: String) async throws -> String {
        let outcome = try await tools.command(
            "psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql])
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the server, blocking its thread: it is called from a `defer`, which cannot await.
    func stop() {
        let (executable, arguments) = tools.commandLine("pg_ctl", ["-D", "\(directory)/data", "-m", "immediate", "stop"])
        _ = GeneratorTestData.runWithoutPipesBlocking(executable, arguments, output: "\(directory)/pg_ctl.out")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The server's programs, run as the postgres user when the tests run as root.
    private struct Tools: Sendable {
        let binaries: String
        let asPostgres: Bool

        func command(_ name: String, outputFile: String? = nil, _ arguments: [String]) async throws -> GeneratorTestData.Outcome {
            let (executable, fullArguments) = commandLine(name, arguments)
            guard let outputFile else { return try await GeneratorTestData.run(executable, fullArguments) }
            return try await GeneratorTestData.runWithoutPipes(executable, fullArguments, output: outputFile)
        }

        func commandLine(_ name: String, _ arguments: [String]) -> (executable: String, arguments: [String]) {
            asPostgres
                ? ("/usr/sbin/runuser", ["-u", "postgres", "--", "\(binaries)/\(name)"] + arguments)
                : ("\(binaries)/\(name)", arguments)
        }
    }
}

struct PostgresUnavailable: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
