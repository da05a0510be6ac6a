import GravityModel

/// Writes a service's schema as a SQL migration, in the SQLite or PostgreSQL dialect: primary
/// keys, NOT NULL, UNIQUE and CHECK constraints from the Blueprint, foreign keys within the
/// service, and an index on every foreign key and cross-service reference.
enum MigrationGenerator {
    static let template = CodeTemplate("database/initial.sql.mustache", bytes: PackageResources.initial_sql_mustache)

    static func initialMigration(for service: AppModel.Service, dialect: SQLDialect) -> String {
        template.render([
            "service": .text(service.name),
            "dialect": .text(dialect.rawValue),
            "primaryKeyType": .text(dialect.primaryKey),
            "tables": .objects(
                orderedByReferences(service.entities + service.internalTables).map { entity in
                    // A table the service keeps for itself is never listed, so never searched.
                    table(entity, dialect: dialect, searched: service.entities.contains { $0.table == entity.table })
                }
            ),
            "trigrams": .flag(dialect == .postgresql && service.entities.contains { !$0.searchColumns.isEmpty }),
        ])
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
        // A group unique together is indexed by its constraint, which serves lookups by its first column too.
        let leading = Set(entity.uniqueTogether.compactMap(\.first))
        return [
            "table": .text(entity.table),
            "externalReferences": .objects(
                entity.columns.compactMap { column in
                    column.external.map { ["column": .text(column.name), "entity": .text($0.entity), "service": .text($0.service)] }
                }
            ),
            "definitions": .objects(entity.columns.map { definition(of: $0, dialect: dialect) } + references + together),
            "search": searched ? search(of: entity, dialect: dialect) : .flag(false),
            // Every foreign key and cross-service reference is looked up by; a unique column has its index.
            "indexed": .texts(
                entity.columns.filter { column in
                    !column.primaryKey && (column.indexed || column.references != nil || column.external != nil) && !column.unique
                        && !leading.contains(column.name)
                }.map(\.name)
            ),
        ]
    }

    /// The trigram index `q=` searches through: an FTS5 table kept by triggers (SQLite), or a GIN
    /// index per column (PostgreSQL, where ILIKE uses it).
    private static func search(of entity: AppModel.Entity, dialect: SQLDialect) -> TemplateValue {
        let columns = entity.searchColumns.map(\.name)
        guard !columns.isEmpty else { return .flag(false) }
        switch dialect {
        case .sqlite:
            return .object([
                "fts": .object([
                    "columns": .text(columns.joined(separator: ", ")),
                    "new": .text(columns.map { "new.\($0)" }.joined(separator: ", ")),
                    "old": .text(columns.map { "old.\($0)" }.joined(separator: ", ")),
                ])
            ])
        case .postgresql:
            return .object(["gin": .texts(columns)])
        }
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
        if let minimum = column.minimum, [.integer, .decimal, .money].contains(column.type) { values["minimum"] = .text(SQLValue.number(minimum)) }
        if let maximum = column.maximum, column.type == .integer { values["maximum"] = .text(String(maximum)) }
        if column.type == .choice, !column.values.isEmpty {
            values["choices"] = .text(column.values.map(SQLDialect.literal).joined(separator: ", "))
        }
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
