import Foundation
import GravityTestSupport
import Testing

/// The last units of a product, ordered by twenty buyers at once through the gateway of a deployed
/// shop: the orders service reserves them from the catalog, whose database hands out exactly as many
/// as there are, whichever engine keeps it.
@Suite("Stock under concurrency (deployed)")
struct StockRushTests {
    @Test("20 buyers ordering the last 5 units at once: exactly 5 orders are placed and the stock ends at 0", arguments: ["sqlite", "postgresql"])
    func rush(engine: String) async throws {
        let directory = try CLI.temporaryDirectory()
        // A large catalog is kept in PostgreSQL by the database architect.
        let industry =
            engine == "postgresql"
            ? try IndustryCopy.withContextOnPostgreSQL("ecommerce", context: "catalog", id: "bigshop", in: directory) : "ecommerce"
        let shop = try await DeployedApp.start(industry, named: "shop", adminEmail: "admin@gravity-shop.example", in: directory) { app in
            let manifest = try String(contentsOfFile: "\(app)/services/catalog/gravity-service.yaml", encoding: .utf8)
            try #require(manifest.contains("type: \(engine)"), "the catalog is on \(engine)")
        }
        defer { shop.stop() }
        let (base, token) = (shop.base, shop.adminToken)
        let product: [String: Any] = [
            "sku": "RUSH-5", "name": "Last Five Lamps", "price": "49.00", "stock": 5, "status": "active", "category_id": 1,
        ]
        let created = try await LoopbackHTTP.request("POST", "\(base)/api/catalog/products", json: product, token: token)
        try #require(created.status == 201, "\(created.text)")
        let id = try #require((try created.json() as? [String: Any])?["id"] as? Int)

        let orders = "\(base)/api/orders/purchase_orders"
        let statuses = try await withThrowingTaskGroup(of: (Int, Int?).self) { group in
            for _ in 1...20 {
                group.addTask {
                    let body: [String: Any] = ["customer_id": 1, "lines": [["product_id": id, "quantity": 1]]]
                    let placed = try await LoopbackHTTP.request("POST", orders, json: body, token: token)
                    return (placed.status, (try? placed.json() as? [String: Any])?["id"] as? Int)
                }
            }
            return try await group.reduce(into: [(Int, Int?)]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0.0 == 201 }.count == 5, "\(statuses.map(\.0).sorted())")
        #expect(statuses.filter { $0.0 == 409 }.count == 15, "\(statuses.map(\.0).sorted())")
        func stock() async throws -> Int? {
            let answer = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/products/\(id)", token: token)
            return (try answer.json() as? [String: Any])?["stock"] as? Int
        }
        #expect(try await stock() == 0)

        // A winner's order cancelled gives its unit back, once.
        let winner = try #require(statuses.first { $0.0 == 201 }?.1)
        #expect(try await LoopbackHTTP.request("POST", "\(orders)/\(winner)/cancel", token: token).status == 200)
        #expect(try await LoopbackHTTP.request("POST", "\(orders)/\(winner)/cancel", token: token).status == 409)
        #expect(try await stock() == 1)
    }
}
