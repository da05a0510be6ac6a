import GravityModel

/// The SQL that takes one service's schema from an earlier version of the application to a later
/// one: new tables, new optional columns, new indexes and uniqueness, the search index made again
/// when the text it covers changes, and (for a change that takes something away) each dropped
/// column's values copied into `_dropped_<table>_<column>` first. Nothing stored is lost.
struct ForwardMigration {
    static let template = CodeTemplate("database/forward.sql.mustache", bytes: PackageResources.forward_sql_mustache)

    let before: AppModel.Service
    let after: AppModel.Service
    /// The change's name, for the file's heading.
    let change: String

    /// The migration in `dialect`; nil when the service's schema does not change.
    func sql(dialect: SQLDialect) throws -> String? {
        let old = Dictionary((before.entities + before.internalTables).map { ($0.table, $0) }, uniquingKeysWith: { first, _ in first })
        let new = after.entities + after.internalTables
        if let gone = old.keys.sorted().first(where: { table in !new.contains { $0.table == table } }) {
            throw GenerationError.unsupportedMigration(service: after.name, problem: "the table \(gone) would be dropped, with its rows")
        }
        let created = MigrationGenerator.orderedByReferences(new.filter { old[$0.table] == nil })
        var dropped: [[String: TemplateValue]] = []
        var added: [[String: TemplateValue]] = []
        var groups: [[String: TemplateValue]] = []
        var searchesDropped: [[String: TemplateValue]] = []
        var searches: [[String: TemplateValue]] = []
        var trigrams = false
        for entity in new {
            guard let previous = old[entity.table] else { continue }
            let table = entity.table
            for column in previous.columns where !entity.columns.contains(where: { $0.name == column.name }) {
                guard !column.unique, column.references == nil, !previous.uniqueTogether.contains(where: { $0.contains(column.name) }) else {
                    throw GenerationError.unsupportedMigration(
                        service: after.name, problem: "\(table).\(column.name) is unique or a foreign key, which a forward migration cannot drop yet")
                }
                dropped.append([
                    "table": .text(table), "column": .text(column.name), "backup": .text("_dropped_\(table)_\(column.name)"),
                    "index": MigrationGenerator.isIndexed(column, in: previous) ? .texts(["ix_\(table)_\(column.name)"]) : .flag(false),
                ])
            }
            for column in entity.columns {
                guard let was = previous.columns.first(where: { $0.name == column.name }) else {
                    added.append(try addition(column, to: entity, dialect: dialect))
                    continue
                }
                guard Self.sameDefinition(was, column, dialect: dialect) else {
                    throw GenerationError.unsupportedMigration(
                        service: after.name,
                        problem: "\(table).\(column.name) changes its type or constraints; add a new field and take the old one away instead")
                }
            }
            for group in entity.uniqueTogether where !previous.uniqueTogether.contains(group) {
                groups.append(["table": .text(table), "constraint": .text(group.joined(separator: "_")), "columns": .text(group.joined(separator: ", "))])
            }
            if let gone = previous.uniqueTogether.first(where: { !entity.uniqueTogether.contains($0) }) {
                throw GenerationError.unsupportedMigration(
                    service: after.name, problem: "\(table) would no longer keep \(gone.joined(separator: ", ")) unique together")
            }
            let searched = after.entities.contains { $0.table == table }
            let wasSearched = before.entities.contains { $0.table == table }
            let columnsBefore = wasSearched ? previous.searchColumns.map(\.name) : []
            let columnsAfter = searched ? entity.searchColumns.map(\.name) : []
            guard columnsBefore != columnsAfter else { continue }
            switch dialect {
            case .sqlite:
                // FTS5 keeps its columns from its creation: the index is made again and filled from the rows.
                if !columnsBefore.isEmpty { searchesDropped.append(["table": .text(table), "fts": true]) }
                if !columnsAfter.isEmpty {
                    let text = MigrationGenerator.searchText(of: entity, columns: columnsAfter, dialect: dialect)
                    searches.append(["table": .text(table), "text": text, "rebuild": true])
                }
            case .postgresql:
                let gone = columnsBefore.filter { !columnsAfter.contains($0) }
                if !gone.isEmpty { searchesDropped.append(["table": .text(table), "gin": .texts(gone)]) }
                let fresh = columnsAfter.filter { !columnsBefore.contains($0) }
                if !fresh.isEmpty {
                    trigrams = true
                    searches.append(["table": .text(table), "text": MigrationGenerator.searchText(of: entity, columns: fresh, dialect: dialect)])
                }
            }
        }
        guard !(created.isEmpty && dropped.isEmpty && added.isEmpty && groups.isEmpty && searchesDropped.isEmpty && searches.isEmpty) else {
            return nil
        }
        trigrams = trigrams || (dialect == .postgresql && created.contains { table in after.entities.contains { $0.table == table.table && !$0.searchColumns.isEmpty } })
        return Self.template.render([
            "service": .text(after.name),
            "change": .text(change),
            "dialect": .text(dialect.rawValue),
            "trigrams": .flag(trigrams),
            "dropped": .objects(dropped),
            "destructive": .flag(!dropped.isEmpty),
            "searchesDropped": .objects(searchesDropped),
            "tables": .texts(created.map { MigrationGenerator.tableText($0, of: after, dialect: dialect) }),
            "added": .objects(added),
            "groups": .objects(groups),
            "searches": .objects(searches),
        ])
    }

    /// `column` added to `entity`'s table: optional (stored rows have no value for it), with its
    /// checks, its foreign key, and its index.
    private func addition(_ column: AppModel.Column, to entity: AppModel.Entity, dialect: SQLDialect) throws -> [String: TemplateValue] {
        guard column.nullable else {
            throw GenerationError.unsupportedMigration(
                service: after.name, problem: "\(entity.table).\(column.name) is required, and the rows already stored have no value for it")
        }
        var values = MigrationGenerator.checks(of: column)
        values["table"] = .text(entity.table)
        values["column"] = .text(column.name)
        values["type"] = .text(dialect.type(of: column))
        values["unique"] = .flag(column.unique)
        values["indexed"] = .flag(MigrationGenerator.isIndexed(column, in: entity))
        if let reference = column.references { values["referenced"] = .text(reference.plural) }
        if let external = column.external {
            values["external"] = ["entity": .text(external.entity), "service": .text(external.service)]
        }
        return values
    }

    /// Whether the two columns are stored alike.
    private static func sameDefinition(_ a: AppModel.Column, _ b: AppModel.Column, dialect: SQLDialect) -> Bool {
        dialect.type(of: a) == dialect.type(of: b) && a.nullable == b.nullable && a.unique == b.unique && a.primaryKey == b.primaryKey
            && a.minimum == b.minimum && a.maximum == b.maximum && a.values == b.values && a.references == b.references
    }
}
