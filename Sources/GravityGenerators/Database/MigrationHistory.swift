import GravityModel

/// One version of an application: its Blueprint, and the change that made it (nil for the first run).
public struct AppRevision: Sendable {
    /// Version `version` as migrations and change transcripts are numbered: `0002`.
    public static func number(_ version: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(version).count)) + String(version)
    }

    public var change: String?
    public var blueprint: Blueprint

    public init(change: String?, blueprint: Blueprint) {
        self.change = change
        self.blueprint = blueprint
    }
}

/// Every service's migrations across an application's revisions: the first run's schema as
/// `0001_init.sql`, then per change the forward migration `000N_<change>.sql` where the change
/// alters the service's schema (N counts the revisions, so one change's files share a number
/// across services). A service a change brings gets its whole schema under that change's number.
struct MigrationHistory {
    struct File {
        var name: String
        var sql: String
    }

    /// The model of each revision, oldest first.
    private let models: [(change: String?, model: AppModel)]

    init(revisions: [AppRevision], current: AppModel) throws {
        var models: [(String?, AppModel)] = []
        for revision in revisions.dropLast() { models.append((revision.change, try AppModel(blueprint: revision.blueprint))) }
        models.append((revisions.last?.change, current))
        self.models = models
    }

    func files(for service: AppModel.Service, dialect: SQLDialect) throws -> [File] {
        var files: [File] = []
        var before: AppModel.Service?
        for (index, revision) in models.enumerated() {
            guard let version = revision.model.service(service.name) else { continue }
            defer { before = version }
            let number = AppRevision.number(index + 1)
            guard index > 0, let change = revision.change else {
                files.append(File(name: "\(number)_init.sql", sql: MigrationGenerator.initialMigration(for: version, dialect: dialect)))
                continue
            }
            var empty = version
            empty.entities = []
            empty.internalTables = []
            let migration = ForwardMigration(before: before ?? empty, after: version, change: change)
            if let sql = try migration.sql(dialect: dialect) { files.append(File(name: "\(number)_\(change).sql", sql: sql)) }
        }
        return files
    }
}
