import GravityModel

/// Writes a service's schema as a SQL migration, in the SQLite or PostgreSQL dialect: primary
/// keys, NOT NULL, UNIQUE and CHECK constraints from the Blueprint, foreign keys within the
/// service, and an index on every foreign key and cross-service reference.
enum MigrationGenerator {
    static let template = CodeTemplate("database/initial.sql.mustache", bytes: PackageResources.initial_sql_mustache)
    static let tableTemplate = CodeTemplate("database/table.sql.mustache", bytes: PackageResources.table_sql_mustache)
    static let searchTemplate = CodeTemplate("database/search.sql.mustache", bytes: PackageResources.search_sql_mustache)

    static func initialMigration(for service: AppModel.Service, dialect: SQLDialect) -> String {
        template.render([
            "service": .text(service.name),
            "dialect": .text(dialect.rawValue),
            "primaryKeyType": .text(dialect.primaryKey),
            "tables": .texts(orderedByReferences(service.entities + service.internalTables).map { tableText($0, of: service, dialect: dialect) }),
            "trigrams": .flag(dialect == .postgresql && service.entities.contains { !$0.searchColumns.isEmpty }),
        ])
    }

    /// The statements creating `entity`'s table, its indexes and its search index, after a blank line.
    static func tableText(_ entity: AppModel.Entity, of service: AppModel.Service, dialect: SQLDialect) -> String {
        // A table the service keeps for itself is never listed, so never searched.
        let searched = service.entities.contains { $0.table == entity.table }
        var values = table(entity, dialect: dialect, searched: searched)
        values["primaryKeyType"] = .text(dialect.primaryKey)
        let text = tableTemplate.render(values)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    private static func table(_ entity: AppModel.Entity, dialect: SQLDialect, searched: Bool) -> [String: TemplateValue] {
        let references = entity.columns.compactMap { column -> [String: TemplateValue]? in
            column.references.map {
                ["column": .text(column.name), "referenced": .text($0.plural), "primaryKey": false, "plain": false, "foreignKey": true]
            }
        }
        let together = entity.uniqueTogether.map { group -> [String: TemplateValue] in
            [
                "constraint": .text(group.joined(separator: "_")), "columns": .text(group.joined(separator: ", ")), "primaryKey": false,
                "plain": false, "foreignKey": false, "together": true,
            ]
        }
        return [
            "table": .text(entity.table),
            "externalReferences": .objects(
                entity.columns.compactMap { column in
                    column.external.map { ["column": .text(column.name), "entity": .text($0.entity), "service": .text($0.service)] }
                }
            ),
            "definitions": .objects(entity.columns.map { definition(of: $0, dialect: dialect) } + references + together),
            "searchText": searched ? searchText(of: entity, columns: entity.searchColumns.map(\.name), dialect: dialect) : .flag(false),
            // Every foreign key and cross-service reference is looked up by; a unique column has its index.
            "indexed": .texts(entity.columns.filter { isIndexed($0, in: entity) }.map(\.name)),
        ]
    }

    /// The trigram index `q=` searches `columns` of `entity` through: an FTS5 table kept by triggers
    /// (SQLite), or a GIN index per column (PostgreSQL, where ILIKE uses it); false when none.
    static func searchText(of entity: AppModel.Entity, columns: [String], dialect: SQLDialect) -> TemplateValue {
        guard !columns.isEmpty else { return .flag(false) }
        var values: [String: TemplateValue] = ["table": .text(entity.table)]
        switch dialect {
        case .sqlite:
            values["fts"] = .object([
                "columns": .text(columns.joined(separator: ", ")),
                "new": .text(columns.map { "new.\($0)" }.joined(separator: ", ")),
                "old": .text(columns.map { "old.\($0)" }.joined(separator: ", ")),
            ])
        case .postgresql:
            values["gin"] = .texts(columns)
        }
        let text = searchTemplate.render(values)
        return .text(text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }

    /// Whether `column` has an index of its own (`ix_<table>_<column>`): every foreign key and
    /// cross-service reference is looked up by; a unique column has its index, and a group unique
    /// together is indexed by its constraint, which serves lookups by its first column too.
    static func isIndexed(_ column: AppModel.Column, in entity: AppModel.Entity) -> Bool {
        !column.primaryKey && (column.indexed || column.references != nil || column.external != nil) && !column.unique
            && !entity.uniqueTogether.contains { $0.first == column.name }
    }

    /// A column's CHECK constraints: its bounds and its choices.
    static func checks(of column: AppModel.Column) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        if let minimum = column.minimum, [.integer, .decimal, .money].contains(column.type) { values["minimum"] = .text(SQLValue.number(minimum)) }
        if let maximum = column.maximum, column.type == .integer { values["maximum"] = .text(String(maximum)) }
        if column.type == .choice, !column.values.isEmpty {
            values["choices"] = .text(column.values.map(SQLDialect.literal).joined(separator: ", "))
        }
        return values
    }

    private static func definition(of column: AppModel.Column, dialect: SQLDialect) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [
            "column": .text(column.name),
            "primaryKey": .flag(column.primaryKey),
            "plain": .flag(!column.primaryKey),
            "foreignKey": false,
            "type": .text(dialect.type(of: column)),
            "notNull": .flag(!column.nullable),
            "audit": .flag(column.isAudit),
            "unique": .flag(column.unique),
        ]
        values.merge(checks(of: column)) { _, check in check }
        return values
    }

    /// Entities ordered so that every table is created after the tables it references.
    static func orderedByReferences(_ entities: [AppModel.Entity]) -> [AppModel.Entity] {
        var ordered: [AppModel.Entity] = []
        var placed = Set<String>()
        var remaining = entities
        while !remaining.isEmpty {
            let index =
                remaining.firstIndex { entity in
                    entity.columns.compactMap(\.references).allSatisfy { placed.contains($0.plural) || $0.plural == entity.table }
                } ?? 0
            let entity = remaining.remove(at: index)
            placed.insert(entity.table)
            ordered.append(entity)
        }
        return ordered
    }
}

/// SQL renderings of values.
enum SQLValue {
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
