import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime
import Testing

/// The forward migrations of an application changed three times (reviews, wishlists, and a change that
/// takes a field away), each change a real session of the mock model from the one before, applied in
/// order to a real PostgreSQL server with rows stored in between; and the services' own tests after.
@Suite("Forward migrations")
struct ForwardMigrationTests {
    /// Takes order lines' copy of the product's name away: destructive, and a searched column.
    static let removal = """
        name: no_line_names
        summary: Order lines no longer copy the product's name.
        remove:
          - {entity: order_line, field: product_name}
        """

    /// The shop's revisions: the first run's Blueprint, then one per change, and the last decisions.
    static func revisions() async throws -> ([AppRevision], [Decision]) {
        let catalog = try Catalog(root: GeneratorTestData.repositoryRoot)
        var session = try await GeneratorTestData.session("ecommerce")
        var industry = try catalog.industry("ecommerce")
        var revisions = [AppRevision(change: nil, blueprint: session.blueprint)]
        let files = ["reviews", "wishlists"].map { "\(GeneratorTestData.repositoryRoot)/changes/ecommerce-\($0).yaml" }
        for source in files + [""] {
            let (change, changed) =
                source.isEmpty
                ? try ChangeValidation.decode(removal, file: "removal.yaml", industry: industry)
                : try ChangeValidation.load(from: source, displayPath: source, industry: industry)
            let run = ChangeRun(
                change: change, parent: ParentTranscript(file: "transcript.jsonl", sha256: String(repeating: "0", count: 64)),
                blueprint: session.blueprint, decisions: session.decisions, touched: change.touchedPhases(in: changed)
            )
            session = try await DevelopmentSession.run(
                SessionConfiguration(team: try catalog.team(for: changed), brief: change.summary, seed: 42, model: MockModel(seed: 42), change: run)
            )
            industry = changed
            revisions.append(AppRevision(change: change.name, blueprint: session.blueprint))
        }
        return (revisions, session.decisions)
    }

    @Test("each change's migration applies after the ones before on PostgreSQL, and keeps every stored row")
    func postgres() async throws {
        let (revisions, decisions) = try await Self.revisions()
        let files = try ApplicationGenerator.generate(revisions: revisions, decisions: decisions)
        let directory = try GeneratorTestData.temporaryDirectory()
        try GeneratorTestData.write(files, to: directory)
        let first = try ApplicationGenerator.generate(revisions: Array(revisions.prefix(1)), decisions: decisions)
        for file in first where file.path.hasSuffix("/0001_init.sql") {
            #expect(files.first { $0.path == file.path }?.contents == file.contents, "\(file.path) stays as the first run wrote it")
        }
        let migrations = files.map(\.path).filter { $0.contains("/db/migrations/postgresql/") }.sorted()
        #expect(
            migrations.filter { !$0.hasSuffix("0001_init.sql") } == [
                "services/catalog/db/migrations/postgresql/0002_reviews.sql",
                "services/customers/db/migrations/postgresql/0003_wishlists.sql",
                "services/orders/db/migrations/postgresql/0002_reviews.sql",
                "services/orders/db/migrations/postgresql/0004_no_line_names.sql",
            ])

        let server = try await PrivatePostgres()
        defer { server.stop() }
        let rows = [
            "catalog": "INSERT INTO categories (name) VALUES ('Books'); INSERT INTO products (sku, name, price, stock, status, category_id) VALUES ('B-1', 'Dune', 11.99, 4, 'active', 1);",
            "customers": "INSERT INTO customers (email, full_name) VALUES ('ann@example.com', 'Ann'); INSERT INTO addresses (line1, city, postal_code, country_code, customer_id) VALUES ('1 Loop', 'Localhost', '127', 'GB', 1);",
            "orders": "INSERT INTO purchase_orders (status, total, placed_at, customer_id) VALUES ('paid', 11.99, now(), 1); INSERT INTO order_lines (quantity, unit_price, product_name, purchase_order_id, product_id) VALUES (1, 11.99, 'Dune', 1, 1);",
        ]
        for (service, insert) in rows.sorted(by: { $0.key < $1.key }) {
            try await server.createDatabase(service)
            let own = migrations.filter { $0.hasPrefix("services/\(service)/") }
            let initial = try await server.run(file: "\(directory)/\(own[0])", database: service)
            try #require(initial.status == 0, "\(own[0]): \(initial.output)")
            let stored = try await server.run(sql: insert, database: service)
            try #require(stored.status == 0, "\(service): \(stored.output)")
            for later in own.dropFirst() {
                let applied = try await server.run(file: "\(directory)/\(later)", database: service)
                #expect(applied.status == 0, "\(later): \(applied.output)")
            }
        }
        func value(_ sql: String, _ database: String) async throws -> String { try await server.value(sql, database: database) }
        #expect(try await value("SELECT name || ',' || coalesce(weight_grams::text, 'none') FROM products", "catalog") == "Dune,none")
        #expect(try await value("SELECT id || ',' || product_name FROM _dropped_order_lines_product_name", "orders") == "1,Dune")
        #expect(try await value("SELECT count(*) FROM order_lines JOIN purchase_orders ON purchase_orders.id = order_lines.purchase_order_id", "orders") == "1")
        #expect(try await value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'order_lines' AND column_name = 'product_name'", "orders") == "0")
        let review = "INSERT INTO reviews (rating, product_id, customer_id) VALUES (5, 1, 1)"
        #expect(try await server.run(sql: review, database: "orders").status == 0)
        #expect(try await server.run(sql: review, database: "orders").status != 0, "one review per customer per product")
        #expect(try await server.run(sql: "INSERT INTO reviews (rating, product_id, customer_id) VALUES (6, 2, 1)", database: "orders").status != 0)
        #expect(try await value("SELECT city || ',' || coalesce(delivery_notes, 'none') FROM addresses", "customers") == "Localhost,none")
        #expect(try await value("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_addresses_delivery_notes_trigrams'", "customers") == "1")
        #expect(try await server.run(sql: "INSERT INTO wishlist_items (customer_id, product_id, priority) VALUES (1, 1, 3)", database: "customers").status == 0)
    }

    @Test("the orders service passes its own tests after a change that took a searched field away")
    func ownTestsAfterRemoval() async throws {
        let (revisions, decisions) = try await Self.revisions()
        let files = try ApplicationGenerator.generate(revisions: revisions, decisions: decisions).filter {
            $0.path.hasPrefix("services/orders/") || !$0.path.hasPrefix("services/")
        }
        let directory = try GeneratorTestData.temporaryDirectory()
        try GeneratorTestData.write(files, to: directory)
        let results = try await ServiceTestRunner(appDirectory: directory).run()
        #expect(results.map(\.service) == ["orders"])
        for result in results { #expect(result.succeeded, "\(result.service): \(result.failures)") }
    }
}
