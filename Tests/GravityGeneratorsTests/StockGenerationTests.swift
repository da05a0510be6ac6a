import Foundation
import GravityGenerators
import GravityModel
import Testing

/// A Blueprint's stocks as the generators read them: the reservation tables they add, and a stock
/// that does not fit its table refused with the part at fault named.
@Suite("Stock generation")
struct StockGenerationTests {
    @Test("the product's stock: reservation tables of the catalog, kept from the API, with the price copied per line")
    func productModel() async throws {
        let blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        let catalog = try #require(try AppModel(blueprint: blueprint).service("catalog"))
        let stock = try #require(catalog.entities.first { $0.name == "product" }?.stock)
        #expect(stock.field == "stock" && stock.price == "price" && stock.reference == "product_id")
        #expect(catalog.internalTables.map(\.table) == ["product_reservations", "product_reservation_lines"])
        let lines = try #require(catalog.internalTables.last)
        #expect(lines.columns.map(\.name) == ["id", "reservation_id", "product_id", "quantity", "unit_price"])
        #expect(lines.columns.first { $0.name == "unit_price" }?.type == .money)
        #expect(!catalog.entities.contains { $0.table.contains("reservation") }, "no endpoints, pages or tests of their own")
    }

    @Test(
        "a stock that does not fit the Blueprint is refused, naming the entity and what is wrong",
        arguments: [
            ("sku", nil, "takes from 'sku', which is not an integer column of products"),
            ("stock", "name", "copies its price from 'name', which is not a NOT NULL money column of products"),
        ] as [(String, String?, String)]
    )
    func incoherent(field: String, price: String?, message: String) async throws {
        var blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        blueprint.requirements?.stocks = [Stock(entity: "product", field: field, price: price)]
        #expect(throws: GenerationError.incoherentStock(entity: "product", problem: message)) {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        }
    }

    @Test("a stock the schema left unbounded (a draft the product manager adopted) still gets NOT NULL and CHECK (stock >= 0)")
    func unbounded() async throws {
        var blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        for store in blueprint.database!.stores.indices {
            for table in blueprint.database!.stores[store].tables.indices where blueprint.database!.stores[store].tables[table].entity == "product" {
                for column in blueprint.database!.stores[store].tables[table].columns.indices
                where blueprint.database!.stores[store].tables[table].columns[column].name == "stock" {
                    blueprint.database!.stores[store].tables[table].columns[column].minimum = nil
                    blueprint.database!.stores[store].tables[table].columns[column].nullable = true
                }
            }
        }
        let files = try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        for dialect in ["sqlite", "postgresql"] {
            let migration = try #require(files.first { $0.path == "services/catalog/db/migrations/\(dialect)/0001_init.sql" })
            #expect(migration.contents.contains("stock INTEGER NOT NULL CHECK (stock >= 0)"), "\(dialect): \(migration.contents)")
        }
    }

    @Test("no role of the people may be the one services call each other as")
    func reservedRole() async throws {
        var blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        blueprint.requirements?.roles.insert("Service", at: 0)
        #expect(throws: GenerationError.reservedRole("Service")) { try ApplicationGenerator.generate(blueprint: blueprint, decisions: []) }
    }
}
