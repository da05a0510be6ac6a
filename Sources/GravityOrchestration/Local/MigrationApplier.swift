import Foundation
import GRDB
import GravityDeployContract

/// Applies a database's `.sql` migrations in name order, each once, and its seed data when the
/// database is new. What was applied is recorded in the database itself, in `schema_migrations`,
/// the table the generated services' own `python -m app.migrate` reads, so both agree.
struct MigrationApplier {
    struct Outcome: Sendable {
        var applied: [String]
        var seeded: Bool
    }

    let service: DeploymentPlan.Service
    let database: ServiceManifest.Database

    private var migrationFiles: [String] {
        guard let folder = database.migrations else { return [] }
        let directory = "\(service.directory)/\(folder)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".sql") }.sorted().map { "\(directory)/\($0)" }
    }

    private var seedFile: String? {
        database.seed.map { "\(service.directory)/\($0)" }
    }

    func checkFiles() throws {
        if let folder = database.migrations, !FileManager.default.fileExists(atPath: "\(service.directory)/\(folder)") {
            throw DeployError.pathNotUsable(
                "\(service.name)/\(folder)",
                reason: "no such directory (databases[].migrations of \(service.name))"
            )
        }
        if let seed = seedFile, !FileManager.default.fileExists(atPath: seed) {
            throw DeployError.pathNotUsable(
                "\(service.name)/\(database.seed ?? "")",
                reason: "no such file (databases[].seed of \(service.name))"
            )
        }
    }

    /// Applies what is new to the SQLite file at `path`, each migration in its own transaction.
    func applySQLite(path: String) throws -> Outcome {
        try checkFiles()
        let queue = try DatabaseQueue(path: path)
        return try queue.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(255) PRIMARY KEY)")
            let done = Set(try String.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
            var applied: [String] = []
            for file in migrationFiles where !done.contains(file.lastPathComponent) {
                do {
                    try db.inSavepoint {
                        try db.execute(sql: try String(contentsOfFile: file, encoding: .utf8))
                        try db.execute(sql: "INSERT INTO schema_migrations (version) VALUES (?)", arguments: [file.lastPathComponent])
                        return .commit
                    }
                } catch {
                    throw DeployError.migrationFailed(service: service.name, migration: file.lastPathComponent, problem: "\(error)")
                }
                applied.append(file.lastPathComponent)
            }
            let seeded = try seedIfNew(wasEmpty: done.isEmpty, applied: applied) { try db.execute(sql: $0) }
            return Outcome(applied: applied, seeded: seeded)
        }
    }

    /// Applies what is new to `name` on the app's PostgreSQL server, each migration in one psql transaction.
    func applyPostgres(server: PostgresServer, name: String, log: String) async throws -> Outcome {
        try checkFiles()
        let listed = try await server.psql(
            [
                "-d", name, "-At", "-c", "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(255) PRIMARY KEY)",
                "-c", "SELECT version FROM schema_migrations",
            ],
            log: log
        )
        guard listed.status == 0 else {
            throw DeployError.migrationsUnreadable(service: service.name, problem: listed.output.lastLine)
        }
        let done = Set(listed.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        var applied: [String] = []
        for file in migrationFiles where !done.contains(file.lastPathComponent) {
            let outcome = try await server.psql(
                ["-d", name, "-1", "-f", file, "-c", "INSERT INTO schema_migrations (version) VALUES ('\(file.lastPathComponent)')"],
                log: log
            )
            guard outcome.status == 0 else {
                throw DeployError.migrationFailed(service: service.name, migration: file.lastPathComponent, problem: outcome.output.lastLine)
            }
            applied.append(file.lastPathComponent)
        }
        var seeded = false
        if done.isEmpty, !applied.isEmpty, let seed = seedFile {
            let outcome = try await server.psql(["-d", name, "-1", "-f", seed], log: log)
            guard outcome.status == 0 else { throw DeployError.seedFailed(service: service.name, problem: outcome.output.lastLine) }
            seeded = true
        }
        return Outcome(applied: applied, seeded: seeded)
    }

    private func seedIfNew(wasEmpty: Bool, applied: [String], execute: (String) throws -> Void) throws -> Bool {
        guard wasEmpty, !applied.isEmpty, let seed = seedFile else { return false }
        do {
            try execute(try String(contentsOfFile: seed, encoding: .utf8))
        } catch {
            throw DeployError.seedFailed(service: service.name, problem: "\(error)")
        }
        return true
    }
}

extension String {
    fileprivate var lastPathComponent: String { (self as NSString).lastPathComponent }
}
