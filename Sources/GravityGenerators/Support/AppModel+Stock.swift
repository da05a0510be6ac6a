import GravityModel

extension AppModel {
    /// A stock as the generators use it: the entity's quantity column, the price a reservation
    /// copies, and the service's own tables that keep reservations and their lines.
    public struct Stock: Sendable {
        /// The integer column of the quantity on hand.
        public var field: String
        /// The column copied as each reserved line's unit price, if any.
        public var price: String?
        /// The classes and tables of reservations (one per idempotency key) and of their lines,
        /// kept in the service's `internalTables`.
        public var reservationClass: String
        public var reservationTable: String
        public var lineClass: String
        public var lineTable: String
        /// The lines' column naming the entity's record (`product_id`).
        public var reference: String
    }
}

extension AppModelBuilder {
    /// The tables a stock's reservations need, named after the entity (`product_reservations`,
    /// `product_reservation_lines`); they belong to the service and have no endpoints of their own.
    static func reservationTables(
        for entity: AppModel.Entity, service: String, field: String, price: AppModel.Column?
    ) -> (reservations: AppModel.Entity, lines: AppModel.Entity, reference: String) {
        func column(
            _ name: String, _ type: FieldType, nullable: Bool = false, unique: Bool = false, maxLength: Int? = nil, minimum: Double? = nil,
            references: AppModel.Entity.Reference? = nil
        ) -> AppModel.Column {
            AppModel.Column(
                name: name, type: type, nullable: nullable, unique: unique, primaryKey: false, maxLength: maxLength, minimum: minimum,
                values: [], references: references, external: nil, indexed: references != nil, isAudit: name == "created_at"
            )
        }
        let primaryKey = AppModel.Column(
            name: "id", type: .integer, nullable: false, unique: true, primaryKey: true, maxLength: nil, minimum: nil, values: [],
            references: nil, external: nil, indexed: false, isAudit: false
        )
        let name = "\(entity.name)_reservation"
        let table = "\(entity.name)_reservations"
        let reservations = AppModel.Entity(
            name: name, className: Naming.typeName(name), plural: table, table: table,
            columns: [
                primaryKey, column("reservation_key", .string, unique: true, maxLength: 64), column("released_at", .datetime, nullable: true),
                column("created_at", .datetime, nullable: true),
            ],
            publicRead: false, writers: [], ownedBy: nil
        )
        let reference = "\(entity.name)_id"
        var lineColumns = [
            primaryKey,
            column("reservation_id", .integer, references: .init(service: service, entity: name, plural: table)),
            column(reference, .integer, references: .init(service: service, entity: entity.name, plural: entity.plural)),
            column("quantity", .integer, minimum: 1),
        ]
        if var price {
            price.name = "unit_price"
            price.nullable = false
            price.unique = false
            price.isServerOwned = false
            lineColumns.append(price)
        }
        let lineName = "\(entity.name)_reservation_line"
        let lines = AppModel.Entity(
            name: lineName, className: Naming.typeName(lineName), plural: lineName + "s", table: lineName + "s", columns: lineColumns,
            publicRead: false, writers: [], ownedBy: nil
        )
        return (reservations, lines, reference)
    }
}
