import GravityModel

extension AppModel {
    /// The table of failed sign-ins the identity service keeps beside its accounts (it has no entity).
    static let signInFailuresTable = "sign_in_failures"

    /// Failed sign-ins per email since `window_started`: in the database rather than in a process's
    /// memory, so that every worker process and replica of the identity service counts the same
    /// failures. Looked up by email (unique), and expired windows are deleted by their start.
    static var signInFailuresEntity: Entity {
        func column(_ name: String, _ type: FieldType, unique: Bool = false, maxLength: Int? = nil, indexed: Bool = false) -> Column {
            Column(
                name: name, type: type, nullable: false, unique: unique, primaryKey: false, maxLength: maxLength, minimum: nil, values: [],
                references: nil, external: nil, indexed: indexed, isAudit: false
            )
        }
        let primaryKey = Column(
            name: "id", type: .integer, nullable: false, unique: true, primaryKey: true, maxLength: nil, minimum: nil, values: [],
            references: nil, external: nil, indexed: false, isAudit: false
        )
        return Entity(
            name: "sign_in_failure", className: "SignInFailure", plural: signInFailuresTable, table: signInFailuresTable,
            columns: [
                primaryKey, column("email", .string, unique: true, maxLength: 254), column("failures", .integer),
                column("window_started", .datetime, indexed: true),
            ],
            publicRead: false, writers: [], ownedBy: nil
        )
    }

    /// The identity service with its table of failed sign-ins; a table of its own under that name
    /// is a collision, not silently shadowed.
    static func withSignInFailures(_ services: [Service]) throws -> [Service] {
        try services.map { service in
            guard service.isIdentity else { return service }
            if let clash = (service.entities + service.internalTables).first(where: { $0.table == signInFailuresTable }) {
                throw GenerationError.nameCollision(
                    kind: "table", first: clash.table, second: "the failed sign-ins of \(service.name)", safe: signInFailuresTable
                )
            }
            var service = service
            service.internalTables.append(signInFailuresEntity)
            return service
        }
    }
}
