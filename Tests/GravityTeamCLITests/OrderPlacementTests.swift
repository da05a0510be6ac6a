import Foundation
import GravityTestSupport
import Testing

/// Orders placed in a deployed shop, through its gateway: the orders service takes the lines' stock
/// from the catalog service, prices them from it, and gives the stock back when an order is cancelled.
/// (Many buyers at once: StockRushTests.)
@Suite("Order placement (deployed)")
struct OrderPlacementTests {
    @Test("place, pay, ship and cancel move the catalog's stock as they should; a customer's order naming no customer is for its own profile")
    func placement() async throws {
        let directory = try CLI.temporaryDirectory()
        let shop = try await DeployedApp.start("ecommerce", named: "shop", adminEmail: "admin@gravity-shop.example", in: directory)
        defer { shop.stop() }
        let (base, token) = (shop.base, shop.adminToken)
        let orders = "\(base)/api/orders/purchase_orders"
        let product: [String: Any] = ["sku": "LAST-5", "name": "Last Five Lamps", "price": "49.00", "stock": 5, "status": "active", "category_id": 1]
        let created = try await LoopbackHTTP.request("POST", "\(base)/api/catalog/products", json: product, token: token)
        try #require(created.status == 201, "\(created.text)")
        let lamp = try #require((try created.json() as? [String: Any])?["id"] as? Int)
        func stocks() async throws -> [Int?] {
            var left: [Int?] = []
            for id in [1, lamp] {
                let answer = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/products/\(id)")
                left.append((try answer.json() as? [String: Any])?["stock"] as? Int)
            }
            return left
        }
        func place(_ lines: [(Int, Int)]) async throws -> LoopbackHTTP.Response {
            let body: [String: Any] = ["customer_id": 1, "lines": lines.map { ["product_id": $0.0, "quantity": $0.1] }]
            return try await LoopbackHTTP.request("POST", orders, json: body, token: token)
        }
        func move(_ order: Int, _ transition: String) async throws -> Int {
            try await LoopbackHTTP.request("POST", "\(orders)/\(order)/\(transition)", token: token).status
        }

        // Priced by the catalog, the total its exact sum; the client names what and how many only.
        let first = try await place([(1, 2), (lamp, 1)])
        try #require(first.status == 201, "\(first.text)")
        let placed = try #require(try first.json() as? [String: Any])
        let id = try #require(placed["id"] as? Int)
        #expect(placed["total"] as? String == "547.00", "2 × 249.00 + 49.00: \(first.text)")
        let prices = (placed["lines"] as? [[String: Any]] ?? []).map { $0["unit_price"] as? String ?? "" }
        #expect(prices == ["249.00", "49.00"], "\(first.text)")
        #expect(try await stocks() == [242, 4])
        let typedTotal = try await LoopbackHTTP.request(
            "POST", orders, json: ["customer_id": 1, "total": "0.01", "lines": [["product_id": 1, "quantity": 1]]], token: token)
        #expect(typedTotal.status == 422, "\(typedTotal.text)")

        // Paying and shipping keep the stock taken; cancelling another order gives its stock back, once.
        #expect(try await move(id, "pay") == 200)
        #expect(try await move(id, "ship") == 200)
        #expect(try await stocks() == [242, 4])
        let second = try await place([(lamp, 4)])
        let secondID = try #require((try second.json() as? [String: Any])?["id"] as? Int, "\(second.text)")
        #expect(try await stocks() == [242, 0])
        let refused = try await place([(lamp, 1)])
        #expect(refused.status == 409 && refused.text.contains("has 0 left"), "\(refused.text)")
        #expect(try await move(secondID, "cancel") == 200)
        #expect(try await move(secondID, "cancel") == 409)
        #expect(try await stocks() == [242, 4])

        // A customer's order is for the customer's own profile when it names none; without a profile it says so.
        let shopper = try await shop.signUp("buyer@example.com")
        let lines: [[String: Any]] = [["product_id": lamp, "quantity": 1]]
        let early = try await LoopbackHTTP.request("POST", orders, json: ["lines": lines], token: shopper)
        #expect(early.status == 422 && early.text.contains("customer_id: this account has no customer yet"), "\(early.text)")
        let profile = try await LoopbackHTTP.request(
            "POST", "\(base)/api/customers/customers", json: ["email": "buyer@example.com", "full_name": "Bea Buyer"], token: shopper)
        let profileID = try #require((try profile.json() as? [String: Any])?["id"] as? Int, "\(profile.text)")
        let own = try await LoopbackHTTP.request("POST", orders, json: ["lines": lines], token: shopper)
        let ownCustomer = (try own.json() as? [String: Any])?["customer_id"] as? Int
        #expect(own.status == 201 && ownCustomer == profileID, "\(own.text)")
        let someoneElse = try await LoopbackHTTP.request("POST", orders, json: ["customer_id": 1, "lines": lines], token: shopper)
        #expect(someoneElse.status == 422, "another's profile is as absent as none: \(someoneElse.text)")
        #expect(try await stocks() == [242, 3])
    }
}
