/// Turns identifiers into words people read.
public enum Naming {
    /// `purchase_orders` -> `Purchase orders`.
    public static func title(_ identifier: String) -> String {
        let words = identifier.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
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
