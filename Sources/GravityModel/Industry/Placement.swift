/// An order placed with its lines in one request: the order and its lines are created together,
/// each line takes its `stock` relation's stock at that record's price, and the order's total is the
/// sum of its lines. Lines are never created on their own; `released_by` transitions give the
/// stock back.
public struct Placement: Codable, Sendable, Hashable {
    public var entity: String
    /// The entity of the lines, which has a required relation to `entity`.
    public var lines: String
    /// The lines' relation to the entity whose stock they take (it has a stock with a price).
    public var stock: String
    /// The lines' count field.
    public var quantity: String
    /// The lines' field given the stock's price at the time of the order.
    public var unitPrice: String
    /// The order's field holding the sum of its lines' quantity × unit price.
    public var total: String
    /// The order's field set to the time it was placed, if any.
    public var placedAt: String?
    public var releasedBy: [String]

    enum CodingKeys: String, CodingKey {
        case entity, lines, stock, quantity, total
        case unitPrice = "unit_price"
        case placedAt = "placed_at"
        case releasedBy = "released_by"
    }

    public init(
        entity: String, lines: String, stock: String, quantity: String, unitPrice: String, total: String, placedAt: String? = nil,
        releasedBy: [String] = []
    ) {
        self.entity = entity
        self.lines = lines
        self.stock = stock
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.total = total
        self.placedAt = placedAt
        self.releasedBy = releasedBy
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entity = try container.decode(String.self, forKey: .entity)
        lines = try container.decode(String.self, forKey: .lines)
        stock = try container.decode(String.self, forKey: .stock)
        quantity = try container.decode(String.self, forKey: .quantity)
        unitPrice = try container.decode(String.self, forKey: .unitPrice)
        total = try container.decode(String.self, forKey: .total)
        placedAt = try container.decodeIfPresent(String.self, forKey: .placedAt)
        releasedBy = try container.decodeIfPresent([String].self, forKey: .releasedBy) ?? []
    }
}
