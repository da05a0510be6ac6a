/// Turns identifiers into words people read.
public enum Naming {
    /// `purchase_orders` -> `Purchase orders`.
    public static func title(_ identifier: String) -> String {
        let words = underscores(in: identifier, replacedBy: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// `purchase_order` -> `purchase order` (or `purchase.order`): without Foundation's
    /// replacingOccurrences, which costs a generation several per cent when seed rows call it.
    public static func underscores(in identifier: String, replacedBy replacement: Character) -> String {
        String(identifier.map { $0 == "_" ? replacement : $0 })
    }

    /// `purchase_order` -> `PurchaseOrder`.
    public static func typeName(_ identifier: String) -> String {
        identifier.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `orders-api` -> `ORDERS_API`, for environment variables and placeholders named after a service.
    public static func environmentName(_ name: String) -> String {
        name.uppercased().replacingOccurrences(of: "-", with: "_")
    }
}
