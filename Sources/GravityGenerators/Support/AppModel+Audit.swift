import GravityModel

extension AppModel {
    /// Whether the services keep an audit log: of writes (`security.audit_log`), of reads of
    /// protected records (`security.phi_access_logging`), or of both.
    public var keepsAuditLog: Bool { adopts(.auditLog) || adopts(.phiAccessLogging) }

    /// The table of the audit log each service keeps, beside its own (it has no entity).
    static let auditTable = "audit_entries"

    /// Who did what (`create`, `update`, `delete`, a transition's name, `read`) to which record, and
    /// when (the database's time).
    static var auditEntity: Entity {
        func column(_ name: String, _ type: FieldType, nullable: Bool = false, maxLength: Int? = nil, indexed: Bool = false) -> Column {
            Column(
                name: name, type: type, nullable: nullable, unique: false, primaryKey: false, maxLength: maxLength, minimum: nil, values: [],
                references: nil, external: nil, indexed: indexed, isAudit: name == "created_at"
            )
        }
        let primaryKey = Column(
            name: "id", type: .integer, nullable: false, unique: true, primaryKey: true, maxLength: nil, minimum: nil, values: [],
            references: nil, external: nil, indexed: false, isAudit: false
        )
        return Entity(
            name: "audit_entry", className: "AuditEntry", plural: auditTable, table: auditTable,
            columns: [
                primaryKey, column("actor", .string, maxLength: 64, indexed: true), column("actor_role", .string, maxLength: 32),
                column("action", .string, maxLength: 64), column("record_type", .string, maxLength: 64, indexed: true),
                column("record_id", .integer, nullable: true, indexed: true), column("created_at", .datetime),
            ],
            publicRead: false, writers: [], ownedBy: nil
        )
    }

    /// Each service with its audit table, where the team adopted an audit log; a table of the
    /// service's own under that name is a collision, not silently shadowed.
    static func withAuditTables(_ services: [Service]) throws -> [Service] {
        try services.map { service in
            if let clash = (service.entities + service.internalTables).first(where: { $0.table == auditTable }) {
                throw GenerationError.nameCollision(kind: "table", first: clash.table, second: "the audit log of \(service.name)", safe: auditTable)
            }
            var service = service
            service.internalTables.append(auditEntity)
            return service
        }
    }
}
