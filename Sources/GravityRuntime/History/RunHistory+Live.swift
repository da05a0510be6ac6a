import Foundation
import GRDB

extension RunHistory {
    static func registerLiveRuns(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-live-runs-deployed-apps") { db in
            try db.create(table: "live_runs") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("pid", .integer).notNull()
                table.column("pid_start", .integer)
                table.column("started_at", .datetime).notNull()
                table.column("command", .text).notNull()
                table.column("industry", .text).notNull()
                table.column("brief", .text).notNull()
                table.column("transcript", .text).notNull()
                table.column("output", .text).notNull()
                table.column("ended_at", .datetime)
                table.column("run_id", .integer)
                table.column("answers_from_serve", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "deployed_apps") { table in
                table.primaryKey("directory", .text)
                table.column("deployed_at", .datetime).notNull()
            }
        }
    }

    /// Notes a run that has started; `endLive` says when it ended, however it ended.
    public func beginLive(_ run: LiveRun) throws -> Int64 {
        try database.write { db in
            var run = run
            try run.insert(db)
            return run.id ?? 0
        }
    }

    /// Notes that a started run ended, with its id in the history when it was recorded.
    public func endLive(id: Int64, runID: Int64?, at date: Date = Date()) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE live_runs SET ended_at = ?, run_id = ? WHERE id = ?", arguments: [date, runID, id])
        }
    }

    /// The runs started most recently, newest first, ended or not.
    public func liveRuns(limit: Int = 50) throws -> [LiveRun] {
        try database.read { db in try LiveRun.order(LiveRun.CodingKeys.id.desc).limit(limit).fetchAll(db) }
    }

    public func liveRun(id: Int64) throws -> LiveRun? {
        try database.read { db in try LiveRun.fetchOne(db, key: id) }
    }

    /// Records (or refreshes) an application directory deployed locally.
    public func recordDeployedApp(_ directory: String, at date: Date = Date()) throws {
        try database.write { db in try DeployedAppRecord(directory: directory, deployedAt: date).save(db) }
    }

    /// The applications deployed locally, most recent first.
    public func deployedApps() throws -> [DeployedAppRecord] {
        try database.read { db in try DeployedAppRecord.order(DeployedAppRecord.CodingKeys.deployedAt.desc).fetchAll(db) }
    }
}
