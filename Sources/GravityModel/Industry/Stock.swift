/// A quantity on hand that orders reserve and cancellations give back, e.g. a product's `stock`:
/// never below 0, taken only all at once for an order's lines, and at most once per order.
public struct Stock: Codable, Sendable, Hashable {
    public var entity: String
    /// The integer field holding the quantity on hand.
    public var field: String
    /// The money (or decimal) field a reservation copies as each line's unit price, if any.
    public var price: String?

    public init(entity: String, field: String, price: String? = nil) {
        self.entity = entity
        self.field = field
        self.price = price
    }
}
