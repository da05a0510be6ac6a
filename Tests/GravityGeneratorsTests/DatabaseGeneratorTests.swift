import Foundation
import GravityGenerators
import GravityModel
import Testing

@Suite("Database generator")
struct DatabaseGeneratorTests {
    @Test("every service's SQLite migration and seed apply cleanly, with foreign keys enforced", arguments: GeneratorTestData.industries)
    func sqlite(industry: String) async throws {
        let session = try await GeneratorTestData.session(industry)
        let files = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions)
        let directory = try GeneratorTestData.temporaryDirectory()
        try GeneratorTestData.write(files, to: directory)
        let services = Set(files.filter { $0.path.hasPrefix("services/") }.map { $0.path.split(separator: "/")[1] })
        #expect(!services.isEmpty)
        for service in services {
            let database = "\(directory)/\(service).sqlite"
            let script =
                "PRAGMA foreign_keys = ON;\n.bail on\n.read \(directory)/services/\(service)/db/migrations/sqlite/0001_init.sql\n.read \(directory)/services/\(service)/db/seed/sqlite.sql\nPRAGMA foreign_key_check;\n"
            try script.write(toFile: "\(directory)/apply.sql", atomically: true, encoding: .utf8)
            let outcome = try await GeneratorTestData.run("/usr/bin/sqlite3", [database, ".read \(directory)/apply.sql"])
            #expect(outcome.status == 0, "\(service): \(outcome.output)")
            #expect(outcome.output.isEmpty, "\(service): \(outcome.output)")
        }
    }

    @Test("a seed value with quotes, one before a combining mark, is stored exactly as given")
    func quotedSeedValue() async throws {
        let session = try await GeneratorTestData.session("ecommerce")
        let hostile = "Kid's Elec'\u{301}tronics ''"
        var json = String(decoding: try CanonicalJSON.encode(session.blueprint), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"Electronics\"", with: "\"Kid's Elec'\\u0301tronics ''\"")
        let blueprint = try JSONDecoder().decode(Blueprint.self, from: Data(json.utf8))
        let files = try ApplicationGenerator.generate(blueprint: blueprint, decisions: session.decisions)
        let directory = try GeneratorTestData.temporaryDirectory()
        try GeneratorTestData.write(files, to: directory)
        let database = "\(directory)/catalog.sqlite"
        let catalog = "\(directory)/services/catalog/db"
        try ".bail on\n.read \(catalog)/migrations/sqlite/0001_init.sql\n.read \(catalog)/seed/sqlite.sql\nSELECT name FROM categories WHERE id = 1;\n"
            .write(toFile: "\(directory)/apply.sql", atomically: true, encoding: .utf8)
        let outcome = try await GeneratorTestData.run("/usr/bin/sqlite3", [database, ".read \(directory)/apply.sql"])
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(Array(outcome.output.trimmingCharacters(in: .newlines).unicodeScalars) == Array(hostile.unicodeScalars))
    }

    @Test("the ecommerce seed has categories, a few dozen priced products with stock, and customers")
    func ecommerceSeed() async throws {
        let session = try await GeneratorTestData.session("ecommerce")
        let files = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions)
        let catalog = try #require(files.first { $0.path == "services/catalog/db/seed/sqlite.sql" }).contents
        let products = catalog.components(separatedBy: "\n").filter { $0.hasPrefix("    (") }
        #expect(catalog.contains("INSERT INTO categories"))
        #expect(catalog.contains("INSERT INTO products"))
        #expect(products.count >= 36 + 6)
        // The industry's hint puts each product in its category (six of each, in SKU order).
        #expect(catalog.contains("(2, 'ELEC-002', '27-inch 4K Monitor', 'IPS panel, 60 Hz, USB-C with 65 W charging', 329.99,"))
        #expect(products.filter { $0.contains("'BOOK-0") }.allSatisfy { $0.hasSuffix(", 2),") || $0.hasSuffix(", 2);") })
        let customers = try #require(files.first { $0.path == "services/customers/db/seed/sqlite.sql" }).contents
        #expect(customers.contains("@example.com"))
    }

    @Test("foreign keys and cross-service references are indexed")
    func indexes() async throws {
        let session = try await GeneratorTestData.session("ecommerce")
        let files = try ApplicationGenerator.generate(blueprint: session.blueprint, decisions: session.decisions)
        let orders = try #require(files.first { $0.path == "services/orders/db/migrations/postgresql/0001_init.sql" }).contents
        #expect(orders.contains("REFERENCES purchase_orders (id)"))
        #expect(orders.contains("CREATE INDEX ix_order_lines_purchase_order_id ON order_lines (purchase_order_id);"))
        #expect(orders.contains("CREATE INDEX ix_order_lines_product_id ON order_lines (product_id);"))
        #expect(orders.contains("refers to a product of the catalog service"))
    }
}
