import Foundation
import GravityTestSupport
import Testing

/// The last units of a product, rushed by twenty buyers at once through the gateway of a deployed
/// shop: the database hands out exactly as many as there are, whichever engine keeps the catalog.
@Suite("Stock under concurrency (deployed)")
struct StockRushTests {
    @Test("20 buyers reserving the last 5 units at once: exactly 5 succeed and the stock ends at 0", arguments: ["sqlite", "postgresql"])
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

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for buyer in 1...20 {
                group.addTask {
                    let body: [String: Any] = ["key": "rush-order-\(buyer)", "lines": [["product_id": id, "quantity": 1]]]
                    return try await LoopbackHTTP.request("POST", "\(base)/api/catalog/products/reservations", json: body, token: token).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 201 }.count == 5, "\(statuses.sorted())")
        #expect(statuses.filter { $0 == 409 }.count == 15, "\(statuses.sorted())")
        func stock() async throws -> Int? {
            let answer = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/products/\(id)", token: token)
            return (try answer.json() as? [String: Any])?["stock"] as? Int
        }
        #expect(try await stock() == 0)

        // A winner's reservation released (its order cancelled) gives its unit back, once.
        let winner = try #require(
            try await (1...20).asyncFirst { buyer in
                let answer = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/products/reservations/rush-order-\(buyer)", token: token)
                return answer.status == 200 ? buyer : nil
            })
        for _ in 0..<2 {
            let released = try await LoopbackHTTP.request("DELETE", "\(base)/api/catalog/products/reservations/rush-order-\(winner)", token: token)
            #expect(released.status == 204, "\(released.text)")
        }
        #expect(try await stock() == 1)
    }
}

extension ClosedRange where Bound == Int {
    /// The first non-nil answer of `transform`, asked in order.
    fileprivate func asyncFirst<T>(_ transform: (Int) async throws -> T?) async rethrows -> T? {
        for value in self { if let found = try await transform(value) { return found } }
        return nil
    }
}
