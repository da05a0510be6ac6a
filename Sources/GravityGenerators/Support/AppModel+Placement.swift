import GravityModel

extension AppModel {
    /// A placement as the generators use it, on the order's entity: the order and its lines are
    /// created in one request and one transaction, the lines' stock is reserved from another service
    /// all at once under a key kept in `keyColumn`, and each line's price and the order's total are
    /// the server's.
    public struct Placement: Sendable {
        /// The lines' entity, of the same service; it has no write endpoint of its own.
        public var lines: String
        public var linesClass: String
        public var linesPlural: String
        /// The lines' column referring to their order.
        public var orderColumn: String
        /// The lines' column referring to the stocked record of another service (`product_id`).
        public var stockColumn: String
        public var reference: Entity.Reference
        public var quantity: String
        public var unitPrice: String
        public var total: String
        public var placedAt: String?
        public var keyColumn: String
        /// Transitions that give the stock back.
        public var releasedBy: [String]
        /// The field of a placed order holding its lines, in requests and responses.
        public static let linesField = "lines"
        /// The most lines one order may have.
        public static let maximumLines = 100
    }
}

extension AppModel.Entity {
    /// Whether clients may create, replace or delete it: an order's lines are written only with their order.
    public var isWritable: Bool { placedWith == nil }
}
