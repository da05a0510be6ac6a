extension TableSpec {
    /// The table a careful lead gives `entity`: a key, its fields, a column per relation (a foreign
    /// key to a table of the same service, `local`, else a reference to another service's entity),
    /// and when each row was created and last changed. `tables` names the tables of other entities
    /// where they are not the industry's plurals.
    public static func standard(for entity: DomainEntity, in industry: Industry, local: [String], tables: [String: String] = [:]) -> TableSpec {
        var columns = [DatabaseSection.key]
        for field in entity.fields {
            columns.append(
                ColumnSpec(
                    name: field.name,
                    type: field.type,
                    nullable: !field.required,
                    unique: field.unique,
                    maxLength: field.maxLength,
                    minimum: field.minimum,
                    maximum: field.maximum.map { Int($0) },
                    values: field.values,
                    indexed: field.unique
                )
            )
        }
        for relation in entity.relations {
            let target = industry.entity(named: relation.entity)
            let isLocal = local.contains(relation.entity)
            columns.append(
                ColumnSpec(
                    name: "\(relation.name)_id",
                    type: .integer,
                    nullable: !relation.required,
                    references: isLocal ? tables[relation.entity] ?? target?.plural : nil,
                    externalEntity: isLocal ? nil : relation.entity,
                    indexed: true
                )
            )
        }
        // A relation's column is `<relation>_id`; a field's is its name.
        let relations = Set(entity.relations.map(\.name))
        let together = entity.uniqueTogether.map { group in group.map { relations.contains($0) ? "\($0)_id" : $0 } }
        return TableSpec(entity: entity.name, table: entity.plural, columns: columns + DatabaseSection.audit, uniqueTogether: together)
    }

    /// The largest value the industry allows in `column` of this table's entity, when it bounds it.
    func declaredMaximum(of column: String, in industry: Industry) -> Int? {
        industry.entity(named: entity)?.fields.first { $0.name == column }?.maximum.map { Int($0) }
    }

    /// The table of an entity the industry does not define: a key, a name, and the audit columns.
    public static func minimal(for entity: String) -> TableSpec {
        let name = ColumnSpec(name: "name", type: .string, nullable: false, maxLength: 200)
        return TableSpec(entity: entity, table: SafeIdentifier.make(entity) + "_records", columns: [DatabaseSection.key, name] + DatabaseSection.audit)
    }

    /// The identity service's accounts: e-mail, display name, password hash and role.
    public static func accounts(roles: [String]) -> TableSpec {
        let columns = [
            DatabaseSection.key,
            ColumnSpec(name: "email", type: .email, nullable: false, unique: true, maxLength: 254, indexed: true),
            ColumnSpec(name: "display_name", type: .string, nullable: false, maxLength: 120),
            ColumnSpec(name: "password_hash", type: .string, nullable: false, maxLength: 255),
            ColumnSpec(name: "role", type: .choice, nullable: false, values: roles),
        ]
        return TableSpec(entity: Blueprint.accountEntity, table: "user_accounts", columns: columns + DatabaseSection.audit)
    }
}
