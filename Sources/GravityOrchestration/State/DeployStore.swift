import Foundation
import GRDB

/// The deploy state of one app, in SQLite at `.gravity/state.sqlite`: read by `status`, `logs`,
/// `stop` and `gateway` from any shell, written by the supervisor. Readable by its owner only,
/// since it holds the generated secrets.
public struct DeployStore: Sendable {
    public static let fileName = "state.sqlite"

    public let path: String
    let database: DatabasePool

    /// Opens (creating if needed) the store in `stateDirectory`.
    public init(stateDirectory: String) throws {
        path = "\(stateDirectory)/\(Self.fileName)"
        do {
            try FileManager.default.createDirectory(
                atPath: stateDirectory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            database = try DatabasePool(path: path, configuration: configuration)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            try Self.migrator.migrate(database)
        } catch {
            throw DeployError.pathNotUsable(path, reason: "cannot open the deploy state: \(error)")
        }
    }

    /// The store of `stateDirectory` if a deployment was ever made there.
    public static func existing(stateDirectory: String) throws -> DeployStore? {
        guard FileManager.default.fileExists(atPath: "\(stateDirectory)/\(fileName)") else { return nil }
        return try DeployStore(stateDirectory: stateDirectory)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-deployment-services-events-secrets") { db in
            try db.create(table: "deployment") { table in
                table.column("id", .integer).primaryKey()
                table.column("app", .text).notNull()
                table.column("status", .text).notNull()
                table.column("supervisor_pid", .integer)
                table.column("gateway_port", .integer).notNull()
                table.column("gateway_pid", .integer)
                table.column("postgres_directory", .text)
                table.column("postgres_port", .integer)
                table.column("started_at", .double).notNull()
                table.column("message", .text)
            }
            try db.create(table: "services") { table in
                table.column("name", .text).primaryKey()
                table.column("position", .integer).notNull()
                table.column("state", .text).notNull()
                table.column("pid", .integer)
                table.column("port", .integer)
                table.column("health", .text).notNull()
                table.column("restarts", .integer).notNull()
                table.column("started_at", .double)
                table.column("last_exit", .text)
            }
            try db.create(table: "events") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .double).notNull()
                table.column("kind", .text).notNull()
                table.column("service", .text)
                table.column("text", .text).notNull()
            }
            try db.create(table: "secrets") { table in
                table.column("name", .text).primaryKey()
                table.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v2-process-start-times") { db in
            try db.alter(table: "services") { table in table.add(column: "pid_start", .integer) }
            try db.alter(table: "deployment") { table in table.add(column: "gateway_start", .integer) }
        }
        migrator.registerMigration("v3-gateway-restarts") { db in
            try db.alter(table: "deployment") { table in
                table.add(column: "gateway_restarts", .integer).notNull().defaults(to: 0)
                table.add(column: "gateway_started_at", .double)
            }
        }
        migrator.registerMigration("v4-gateway-tls") { db in
            try db.alter(table: "deployment") { table in table.add(column: "gateway_tls", .boolean).notNull().defaults(to: false) }
        }
        migrator.registerMigration("v5-fingerprints-updates") { db in
            try db.alter(table: "services") { table in table.add(column: "fingerprint", .text) }
            try db.create(table: "updates") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("requested_at", .double).notNull()
                table.column("state", .text).notNull()
            }
        }
        return migrator
    }

    // MARK: Deployment

    public func deployment() throws -> DeploymentRecord? {
        try database.read { try DeploymentRecord.fetchOne($0, key: 1) }
    }

    /// Starts a new deployment record, forgetting the services and events of the last one.
    public func begin(_ record: DeploymentRecord, services: [String]) throws {
        try database.write { db in
            try ServiceRecord.deleteAll(db)
            try DeployEvent.deleteAll(db)
            try record.save(db)
            for (position, name) in services.enumerated() { try ServiceRecord(name: name, position: position).insert(db) }
        }
    }

    public func updateDeployment(_ change: @Sendable (inout DeploymentRecord) -> Void) throws {
        try database.write { db in
            guard var record = try DeploymentRecord.fetchOne(db, key: 1) else { return }
            change(&record)
            try record.update(db)
        }
    }

    // MARK: Services

    public func services() throws -> [ServiceRecord] {
        try database.read { try ServiceRecord.order(Column("position")).fetchAll($0) }
    }

    public func updateService(_ name: String, _ change: @Sendable (inout ServiceRecord) -> Void) throws {
        try database.write { db in
            guard var record = try ServiceRecord.fetchOne(db, key: name) else { return }
            change(&record)
            try record.update(db)
        }
    }

    // MARK: Updates

    /// Asks the supervisor to take the app's changed files; returns the request's id.
    public func requestUpdate() throws -> Int64 {
        try database.write { db in
            try db.execute(sql: "INSERT INTO updates (requested_at, state) VALUES (?, 'requested')", arguments: [Date().timeIntervalSince1970])
            return db.lastInsertedRowID
        }
    }

    /// The oldest update asked for and not yet taken up, marked as under way.
    func takeUpdateRequest() throws -> Int64? {
        try database.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM updates WHERE state = 'requested' ORDER BY id LIMIT 1") else { return nil }
            try db.execute(sql: "UPDATE updates SET state = 'applying' WHERE id = ?", arguments: [id])
            return id
        }
    }

    /// Where update `id` is: requested, applying, done or failed.
    public func updateState(_ id: Int64) throws -> String? {
        try database.read { try String.fetchOne($0, sql: "SELECT state FROM updates WHERE id = ?", arguments: [id]) }
    }

    /// Records how update `id` ended.
    func finishUpdate(_ id: Int64, succeeded: Bool) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE updates SET state = ? WHERE id = ?", arguments: [succeeded ? "done" : "failed", id])
        }
    }

    /// The id of the latest event, or 0.
    public func lastEventID() throws -> Int64 {
        try database.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM events") ?? 0 }
    }

    // MARK: Events

    public func record(_ event: DeployEvent) throws {
        try database.write { db in _ = try event.inserted(db) }
    }

    /// Events after `id`, oldest first.
    public func events(after id: Int64 = 0) throws -> [DeployEvent] {
        try database.read { try DeployEvent.filter(Column("id") > id).order(Column("id")).fetchAll($0) }
    }

    // MARK: Secrets

    /// The value of each secret in `names`, generated the first time it is asked for and the same ever after.
    public func secrets(_ names: Set<String>) throws -> [String: String] {
        try database.write { db in
            var values: [String: String] = [:]
            for name in names.sorted() {
                if let existing = try String.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = ?", arguments: [name]) {
                    values[name] = existing
                } else {
                    let value = SecretGenerator.make()
                    try db.execute(sql: "INSERT INTO secrets (name, value) VALUES (?, ?)", arguments: [name, value])
                    values[name] = value
                }
            }
            return values
        }
    }
}

extension DeployStore {
    /// Every secret generated so far.
    public func allSecrets() throws -> [String: String] {
        try database.read { db in
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT name, value FROM secrets").map { ($0["name"] as String, $0["value"] as String) },
                uniquingKeysWith: { first, _ in first }
            )
        }
    }
}
