import Foundation

/// A throwaway PostgreSQL cluster on a free loopback port, made with the machine's initdb and
/// pg_ctl (as the postgres user when the tests run as root, since PostgreSQL refuses root).
final class PrivatePostgres {
    let directory: String
    private(set) var port = 0
    private let binaries: String
    private let asPostgres: Bool

    init() throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted().last else {
            throw PostgresUnavailable(reason: "PostgreSQL is not installed (Debian: apt-get install postgresql)")
        }
        binaries = "/usr/lib/postgresql/\(version)/bin"
        asPostgres = getuid() == 0
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if asPostgres { _ = try GeneratorTestData.run("/bin/chown", ["postgres:postgres", directory]) }
        let initialized = try command("initdb", ["-D", "\(directory)/data", "-A", "trust", "-U", "postgres", "--no-sync"])
        guard initialized.status == 0 else { throw PostgresUnavailable(reason: "initdb failed: \(initialized.output)") }
        var started: GeneratorTestData.Outcome?
        var chosen = 0
        for attempt in 0..<10 {
            chosen = 20_000 + Int.random(in: 0..<20_000) + attempt
            // The server outlives pg_ctl and would hold a captured output pipe open: send pg_ctl's output to a file.
            started = try command(
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
        port = chosen
    }

    /// Creates a database.
    func createDatabase(_ name: String) throws {
        let outcome = try command("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name])
        guard outcome.status == 0 else { throw PostgresUnavailable(reason: outcome.output) }
    }

    /// Runs a SQL file, stopping at the first error; returns psql's status and output.
    func run(file: String, database: String) throws -> GeneratorTestData.Outcome {
        try command(
            "psql",
            ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-f", file]
        )
    }

    func stop() {
        _ = try? command("pg_ctl", outputFile: "\(directory)/pg_ctl.out", ["-D", "\(directory)/data", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func command(_ name: String, outputFile: String? = nil, _ arguments: [String]) throws -> GeneratorTestData.Outcome {
        let executable = asPostgres ? "/usr/sbin/runuser" : "\(binaries)/\(name)"
        let fullArguments = asPostgres ? ["-u", "postgres", "--", "\(binaries)/\(name)"] + arguments : arguments
        guard let outputFile else { return try GeneratorTestData.run(executable, fullArguments) }
        return try GeneratorTestData.runWithoutPipes(executable, fullArguments, output: outputFile)
    }
}

struct PostgresUnavailable: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
