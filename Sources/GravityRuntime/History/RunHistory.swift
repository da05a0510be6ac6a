import Foundation
import GRDB
import GravitySystem

/// The run history: a SQLite database of every run, with per-phase results and votes.
public struct RunHistory: Sendable {
    /// The environment variable that names the database file.
    public static let environmentVariable = "GRAVITY_HISTORY"

    public let path: String
    let database: DatabaseQueue

    /// Opens (creating if needed) the history at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            // Runs that end together (several develops, a develop and a resume) take turns writing.
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            database = try DatabaseQueue(path: path, configuration: configuration)
            // Runs that open a new history together would each apply the migrations (SQLite's busy
            // timeout orders their writes, not their check-then-create); a lock beside the database
            // lets one migrate and the others find it done.
            let lock = try FileLock.acquireBlocking(path + ".lock")
            defer { lock.release() }
            try Self.migrator.migrate(database)
        } catch {
            throw RuntimeError.cannotWrite(path: path, reason: "cannot open the run history: \(error)")
        }
    }

    /// `$GRAVITY_HISTORY`, else `$XDG_DATA_HOME/gravity-team/history.sqlite`, else
    /// `~/.local/share/gravity-team/history.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment[environmentVariable], !explicit.isEmpty { return explicit }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("gravity-team/history.sqlite")
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs-phases-votes") { db in
            try db.create(table: "runs") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("started_at", .datetime).notNull()
                table.column("duration_ms", .double).notNull()
                table.column("command", .text).notNull()
                table.column("industry", .text).notNull()
                table.column("brief", .text).notNull()
                table.column("seed", .text).notNull()
                table.column("model", .text).notNull()
                table.column("max_rounds", .integer).notNull()
                table.column("concurrency", .integer).notNull()
                table.column("status", .text).notNull()
                table.column("failure", .text)
                table.column("transcript", .text).notNull()
                table.column("output", .text).notNull()
                table.column("blueprint_digest", .text)
                table.column("model_calls", .integer).notNull()
                table.column("prompt_tokens", .integer).notNull()
                table.column("completion_tokens", .integer).notNull()
            }
            try db.create(table: "phases") { table in
                table.column("run_id", .integer).notNull().indexed().references("runs", onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("phase", .text).notNull()
                table.column("lead", .text).notNull()
                table.column("outcome", .text).notNull()
                table.column("resolution", .text).notNull()
                table.column("decided_by", .text).notNull()
                table.column("rounds", .integer).notNull()
                table.column("average", .double).notNull()
                table.column("support", .double).notNull()
                table.column("model_calls", .integer).notNull()
                table.column("prompt_tokens", .integer).notNull()
                table.column("completion_tokens", .integer).notNull()
                table.column("duration_ms", .double).notNull()
                table.primaryKey(["run_id", "position"])
            }
            try db.create(table: "votes") { table in
                table.column("run_id", .integer).notNull().indexed().references("runs", onDelete: .cascade)
                table.column("phase", .text).notNull()
                table.column("round", .integer).notNull()
                table.column("voter", .text).notNull()
                table.column("option", .text).notNull()
                table.column("weight", .double).notNull()
                table.column("missing", .text).notNull()
            }
        }
        migrator.registerMigration("v2-persona-usage-cost") { db in
            try db.alter(table: "runs") { table in table.add(column: "estimated_cost", .double) }
            try db.create(table: "persona_usage") { table in
                table.column("run_id", .integer).notNull().indexed().references("runs", onDelete: .cascade)
                table.column("persona", .text).notNull()
                table.column("calls", .integer).notNull()
                table.column("prompt_tokens", .integer).notNull()
                table.column("completion_tokens", .integer).notNull()
                table.primaryKey(["run_id", "persona"])
            }
        }
        migrator.registerMigration("v3-abstentions") { db in
            try db.alter(table: "votes") { table in table.add(column: "abstained", .boolean).notNull().defaults(to: false) }
        }
        registerLiveRuns(in: &migrator)
        return migrator
    }

    /// Stores a run with its phases, votes and per-persona usage; returns the run's id.
    @discardableResult
    public func record(_ records: RunRecords) throws -> Int64 {
        try database.write { db in
            var run = records.run
            try run.insert(db)
            guard let id = run.id else { throw RuntimeError.cannotWrite(path: path, reason: "no id for the new run") }
            for var phase in records.phases {
                phase.runID = id
                try phase.insert(db)
            }
            for var vote in records.votes {
                vote.runID = id
                try vote.insert(db)
            }
            for var persona in records.personas {
                persona.runID = id
                try persona.insert(db)
            }
            return id
        }
    }

    /// Marks a recorded run as interrupted after the deliberation it recorded (while its tests ran).
    public func markInterrupted(runID: Int64, _ interruption: RunInterrupted) throws {
        try database.write { db in
            try db.execute(
                sql: "UPDATE runs SET status = 'interrupted', failure = ? WHERE id = ?",
                arguments: [interruption.description, runID]
            )
        }
    }

    /// The per-persona usage of a run, most tokens first.
    public func personaUsage(runID: Int64) throws -> [PersonaUsageRecord] {
        try database.read { db in
            try PersonaUsageRecord.filter(PersonaUsageRecord.CodingKeys.runID == runID).fetchAll(db)
                .sorted { ($0.promptTokens + $0.completionTokens, $1.persona) > ($1.promptTokens + $1.completionTokens, $0.persona) }
        }
    }

    /// The most recent runs, newest first.
    public func runs(limit: Int = 50) throws -> [RunRecord] {
        try database.read { db in
            try RunRecord.order(RunRecord.CodingKeys.id.desc).limit(limit).fetchAll(db)
        }
    }

    /// One run with its phases and votes, or nil.
    public func run(id: Int64) throws -> (RunRecord, [PhaseRecord], [VoteRecord])? {
        try database.read { db in
            guard let run = try RunRecord.fetchOne(db, key: id) else { return nil }
            let phases = try PhaseRecord.filter(PhaseRecord.CodingKeys.runID == id)
                .order(PhaseRecord.CodingKeys.position).fetchAll(db)
            let votes = try VoteRecord.filter(VoteRecord.CodingKeys.runID == id).fetchAll(db)
            return (run, phases, votes)
        }
    }
}
