import GravityModel

/// Writes a service's schema as a SQL migration, in the SQLite or PostgreSQL dialect: primary
/// keys, NOT NULL, UNIQUE and CHECK constraints from the Blueprint, foreign keys within the
/// service, and an index on every foreign key and cross-service reference.
enum MigrationGenerator {
    static let template = CodeTemplate("database/initial.sql", bytes: PackageResources.initial_sql_mustache)

    static func initialMigration(for service: AppModel.Service, dialect: SQLDialect) -> String {
        template.render([
            "service": service.name,
            "dialect": dialect.rawValue,
            "primaryKeyType": dialect.primaryKey,
            "tables": orderedByReferences(service.entities).map { table($0, dialect: dialect) },
        ])
    }

    private static func table(_ entity: AppModel.Entity, dialect: SQLDialect) -> [String: Any] {
        let references = entity.columns.compactMap { column in
            column.references.map { ["column": column.name, "referenced": $0.plural, "primaryKey": false, "plain": false, "foreignKey": true] }
        }
        return [
            "table": entity.table,
            "externalReferences": entity.columns.compactMap { column in
                column.external.map { ["column": column.name, "entity": $0.entity, "service": $0.service] }
            },
            "definitions": entity.columns.map { definition(of: $0, dialect: dialect) } + references,
            // Every foreign key and cross-service reference is looked up by; a unique column has its index.
            "indexed": entity.columns.filter { column in
                !column.primaryKey && (column.indexed || column.references != nil || column.external != nil) && !column.unique
            }.map(\.name),
        ]
    }

    private static func definition(of column: AppModel.Column, dialect: SQLDialect) -> [String: Any] {
        var values: [String: Any] = [
            "column": column.name,
            "primaryKey": column.primaryKey,
            "plain": !column.primaryKey,
            "foreignKey": false,
            "type": dialect.type(of: column),
            "notNull": !column.nullable,
            "audit": column.isAudit,
            "unique": column.unique,
        ]
        if let minimum = column.minimum, [.integer, .decimal].contains(column.type) { values["minimum"] = SQLValue.number(minimum) }
        if column.type == .choice, !column.values.isEmpty {
            values["choices"] = column.values.map(SQLDialect.literal).joined(separator: ", ")
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
