import Foundation
import GRDB
import GravityModel
import GravityRuntime
import GravitySystem
import GravityWorkflows
import Testing

/// `develop --from`: a change deliberated on an application built before, its transcript beside the
/// parent's, its forward migrations, and the user's edits kept.
@Suite("Changing an application")
struct ChangeWorkflowTests {
    private let catalog: Catalog
    private let scratch: String
    private let reviews: String

    init() throws {
        let root = try DataDirectory.locate(explicit: nil)
        catalog = try Catalog(root: root)
        reviews = "\(root)/changes/ecommerce-reviews.yaml"
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-change-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    private func options(_ app: String) -> RunOptions {
        var options = RunOptions(prices: .empty, history: HistoryFile(path: "\(scratch)/history.sqlite") { Issue.record("history warning: \($0)") })
        options.out = app
        options.verify = false
        return options
    }

    /// The shop built into `name`.
    private func shop(_ name: String) async throws -> String {
        let app = "\(scratch)/\(name)"
        var inputs = Develop.Inputs(catalog: catalog, options: options(app))
        inputs.industry = "ecommerce"
        _ = try await Develop(inputs).run()
        return app
    }

    private func change(_ app: String, file: String? = nil, text: String? = nil, force: Bool = false, destructive: Bool = false) async throws
        -> DevelopOutcome
    {
        var options = options(app)
        options.force = force
        var inputs = DevelopChange.Inputs(catalog: catalog, app: app, options: options)
        inputs.changeFile = file ?? (text == nil ? reviews : nil)
        inputs.text = text
        inputs.allowDestructive = destructive
        return try await DevelopChange(inputs).run()
    }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test("the reviews change deliberates the phases it touches, keeps the rest, and adds forward migrations beside an unchanged 0001")
    func reviewsChange() async throws {
        let app = try await shop("shop")
        let migrations = ["catalog", "customers", "orders", "identity"].flatMap { service in
            ["sqlite", "postgresql"].map { "\(app)/services/\(service)/db/migrations/\($0)/0001_init.sql" }
        }
        let before = try migrations.map(read)
        let parentBytes = try Data(contentsOf: URL(fileURLWithPath: "\(app)/transcript.jsonl"))
        let outcome = try await change(app)
        #expect(outcome.report.transcript == "\(app)/transcript.0002-reviews.jsonl")
        #expect(try migrations.map(read) == before, "0001 stays byte for byte")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(app)/transcript.jsonl")) == parentBytes, "the parent is never rewritten")
        for dialect in ["sqlite", "postgresql"] {
            let orders = try read("\(app)/services/orders/db/migrations/\(dialect)/0002_reviews.sql")
            #expect(orders.contains("CREATE TABLE reviews (") && orders.contains("UNIQUE (customer_id, product_id)"))
            #expect(try read("\(app)/services/catalog/db/migrations/\(dialect)/0002_reviews.sql").contains("ALTER TABLE products ADD COLUMN weight_grams INTEGER CHECK (weight_grams >= 0);"))
            for untouched in ["customers", "identity"] {
                #expect(!FileManager.default.fileExists(atPath: "\(app)/services/\(untouched)/db/migrations/\(dialect)/0002_reviews.sql"))
            }
        }
        let transcript = try TranscriptFile(path: outcome.report.transcript)
        #expect(transcript.header.parent?.file == "transcript.jsonl")
        #expect(transcript.header.change?.name == "reviews")
        let events = try transcript.decode(TranscriptEvent.self)
        #expect(events.filter { $0.type == .phaseKept }.compactMap(\.phase) == [.deployment])
        #expect(events.filter { $0.type == .phaseStart }.compactMap(\.phase) == [.requirements, .architecture, .database, .frontend, .backend, .security, .testing])
        let blueprint = try JSONDecoder().decode(Blueprint.self, from: Data(contentsOf: URL(fileURLWithPath: "\(app)/blueprint.json")))
        #expect(blueprint.requirements?.entities.contains("review") == true)
        #expect(blueprint.requirements?.preconditions.map(\.id) == ["reviewer-ordered-product"])
        #expect(blueprint.brief == (try TranscriptFile(path: "\(app)/transcript.jsonl")).header.brief, "the app's brief is the first run's")

        // The same change to the same app, whatever the concurrency, is the same transcript.
        let twin = try await shop("twin")
        var options = options(twin)
        options.concurrency = 2
        var inputs = DevelopChange.Inputs(catalog: catalog, app: twin, options: options)
        inputs.changeFile = reviews
        _ = try await DevelopChange(inputs).run()
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(twin)/transcript.0002-reviews.jsonl")) == (try Data(contentsOf: URL(fileURLWithPath: outcome.report.transcript))))

        // replay --verify finds the parent beside the change's transcript and reproduces every byte.
        var replay = Replay.Inputs(catalog: catalog, transcript: outcome.report.transcript, history: HistoryFile(path: "\(scratch)/history.sqlite") { _ in })
        replay.out = "\(scratch)/replayed"
        replay.verify = true
        let replayed = try await Replay(replay).run()
        #expect(replayed.verified && replayed.blueprintDigest == outcome.report.blueprintDigest)
        #expect(try read("\(scratch)/replayed/services/orders/db/migrations/sqlite/0002_reviews.sql") == (try read("\(app)/services/orders/db/migrations/sqlite/0002_reviews.sql")))
    }

    @Test("show and diff read a change's transcript: the change, its kept phases, where it parts from its parent")
    func showAndDiff() async throws {
        let app = try await shop("shop")
        let outcome = try await change(app)
        let parent = try Transcript(path: "\(app)/transcript.jsonl")
        let child = try Transcript(path: outcome.report.transcript)
        let timeline = TimelineRenderer(team: nil).render(child)
        #expect(timeline.contains("Change: 'reviews' to the application transcript.jsonl left (sha256 "), "\(timeline.prefix(400))")
        #expect(timeline.contains("[8/8] Deployment: kept (the change 'reviews' does not touch the deployment section, so its decision stands)"))
        let comparison = TranscriptComparison(parent, child)
        #expect(comparison.firstDifference?.hasPrefix("requirements: the adopted proposals differ") == true, "\(comparison.firstDifference ?? "")")
        #expect(comparison.rows.last?.right == "kept (the parent's decision)")
        #expect(TranscriptComparison(child, child).isSame)
    }

    @Test("the forward migrations keep every stored row: 0001 with rows, then 0002, on a real SQLite file")
    func migrationKeepsRows() async throws {
        let app = try await shop("shop")
        let folder = "\(app)/services/orders/db/migrations/sqlite"
        let catalogFolder = "\(app)/services/catalog/db/migrations/sqlite"
        let orders = try DatabaseQueue(path: "\(scratch)/orders.sqlite")
        let products = try DatabaseQueue(path: "\(scratch)/catalog.sqlite")
        try await orders.write { try $0.execute(sql: try read("\(folder)/0001_init.sql")) }
        try await products.write { try $0.execute(sql: try read("\(catalogFolder)/0001_init.sql")) }
        try await orders.write { db in
            try db.execute(sql: "INSERT INTO purchase_orders (status, total, placed_at, customer_id) VALUES ('paid', 12.50, CURRENT_TIMESTAMP, 7)")
            try db.execute(sql: "INSERT INTO order_lines (quantity, unit_price, purchase_order_id, product_id) VALUES (1, 12.50, 1, 3)")
        }
        try await products.write { db in
            try db.execute(sql: "INSERT INTO categories (name) VALUES ('Books')")
            try db.execute(sql: "INSERT INTO products (sku, name, price, stock, status, category_id) VALUES ('B-1', 'Dune', 11.99, 4, 'active', 1)")
        }
        _ = try await change(app)
        try await orders.write { try $0.execute(sql: try read("\(folder)/0002_reviews.sql")) }
        try await products.write { try $0.execute(sql: try read("\(catalogFolder)/0002_reviews.sql")) }
        let kept = try await orders.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM purchase_orders JOIN order_lines ON order_lines.purchase_order_id = purchase_orders.id") }
        #expect(kept == 1)
        try await orders.write { try $0.execute(sql: "INSERT INTO reviews (rating, product_id, customer_id) VALUES (5, 3, 7)") }
        await #expect(throws: DatabaseError.self) {
            try await orders.write { try $0.execute(sql: "INSERT INTO reviews (rating, product_id, customer_id) VALUES (4, 3, 7)") }
        }
        await #expect(throws: DatabaseError.self) {
            try await orders.write { try $0.execute(sql: "INSERT INTO reviews (rating, product_id, customer_id) VALUES (6, 4, 7)") }
        }
        let product = try await products.read { try Row.fetchOne($0, sql: "SELECT name, weight_grams FROM products") }
        #expect(product?["name"] == "Dune")
        #expect(product?["weight_grams"] as Int? == nil)
        try await products.write { try $0.execute(sql: "UPDATE products SET weight_grams = 450") }
        // The search index was kept: the product is found by its name.
        let found = try await products.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM products_search WHERE products_search MATCH 'Dun'") }
        #expect(found == 1)
    }

    @Test("a file the user edited is kept, the new version beside it, unless --force")
    func editsKept() async throws {
        let app = try await shop("shop")
        let products = "\(app)/services/catalog/app/routes/products.py"
        let customers = "\(app)/services/customers/app/routes/customers.py"
        let edited = try read(products) + "# a note of mine\n"
        try edited.write(toFile: products, atomically: true, encoding: .utf8)
        try (try read(customers) + "# also mine\n").write(toFile: customers, atomically: true, encoding: .utf8)
        let outcome = try await change(app)
        #expect(outcome.report.keptEdits == ["services/catalog/app/routes/products.py"])
        #expect(try read(products) == edited)
        #expect(try read(products + ".gravity-new").contains("weight_grams"))
        // Its generated version did not change, so there is nothing to merge: kept, no .gravity-new.
        #expect(try read(customers).hasSuffix("# also mine\n"))
        #expect(!FileManager.default.fileExists(atPath: customers + ".gravity-new"))
        // The artifacts are what the run generated, whatever was kept: the transcript does not depend on the edit.
        let transcript = try TranscriptFile(path: outcome.report.transcript)
        let artifact = try transcript.decode(TranscriptEvent.self).compactMap(\.artifact).first { $0.path == "services/catalog/app/routes/products.py" }
        #expect(artifact?.sha256 == SHA256Digest.hex(try Data(contentsOf: URL(fileURLWithPath: products + ".gravity-new"))))

        // A later change that leaves the file's version as it was keeps the merge waiting, and says so again.
        let root = URL(fileURLWithPath: reviews).deletingLastPathComponent().path
        let second = try await change(app, file: "\(root)/ecommerce-wishlists.yaml")
        #expect(second.report.keptEdits == ["services/catalog/app/routes/products.py"])
        #expect(try read(products + ".gravity-new").contains("weight_grams"))
        #expect(try read(products) == edited)
    }

    @Test("--force writes over the user's edit")
    func force() async throws {
        let app = try await shop("shop")
        let products = "\(app)/services/catalog/app/routes/products.py"
        try (try read(products) + "# a note of mine\n").write(toFile: products, atomically: true, encoding: .utf8)
        let outcome = try await change(app, force: true)
        #expect(outcome.report.keptEdits.isEmpty)
        #expect(try read(products).contains("weight_grams") && !(try read(products).contains("a note of mine")))
        #expect(!FileManager.default.fileExists(atPath: products + ".gravity-new"))
    }

    @Test("a change that takes a field away needs --allow-destructive; one in words needs a real model")
    func refusals() async throws {
        let app = try await shop("shop")
        let destructive = "\(scratch)/remove.yaml"
        try """
        name: no_line_names
        summary: Order lines no longer copy the product's name.
        remove:
          - {entity: order_line, field: product_name}
        """.write(toFile: destructive, atomically: true, encoding: .utf8)
        await #expect(throws: ChangeError.destructive(change: "no_line_names", removals: ["order_line.product_name"])) {
            try await change(app, file: destructive)
        }
        await #expect(throws: ChangeError.wordsNeedAModel) { try await change(app, text: "Add gift wrapping to orders") }
        await #expect(throws: ChangeError.notAnApp(path: "\(scratch)/nothing")) { try await change("\(scratch)/nothing") }
        #expect(!FileManager.default.fileExists(atPath: "\(app)/transcript.0002-no_line_names.jsonl"))

        // Allowed, the migration copies what it drops first, and the search index is made again without it.
        let database = try DatabaseQueue(path: "\(scratch)/orders.sqlite")
        let folder = "\(app)/services/orders/db/migrations/sqlite"
        try await database.write { db in
            try db.execute(sql: try read("\(folder)/0001_init.sql"))
            try db.execute(sql: "INSERT INTO purchase_orders (status, total, placed_at, customer_id) VALUES ('paid', 12.50, CURRENT_TIMESTAMP, 7)")
            try db.execute(sql: "INSERT INTO order_lines (quantity, unit_price, product_name, purchase_order_id, product_id) VALUES (1, 12.50, 'Dune', 1, 3)")
        }
        _ = try await change(app, file: destructive, destructive: true)
        let migration = try read("\(folder)/0002_no_line_names.sql")
        #expect(migration.contains("CREATE TABLE _dropped_order_lines_product_name AS SELECT id, product_name FROM order_lines"))
        try await database.write { try $0.execute(sql: migration) }
        let saved = try await database.read { try Row.fetchOne($0, sql: "SELECT id, product_name FROM _dropped_order_lines_product_name") }
        #expect(saved?["id"] == 1 && saved?["product_name"] == "Dune")
        let columns = try await database.read { try $0.columns(in: "order_lines").map(\.name) }
        #expect(!columns.contains("product_name") && columns.contains("quantity"))
        try await database.write { try $0.execute(sql: "INSERT INTO order_lines (quantity, unit_price, purchase_order_id, product_id) VALUES (2, 3.00, 1, 4)") }
        let postgres = try read("\(app)/services/orders/db/migrations/postgresql/0002_no_line_names.sql")
        #expect(postgres.contains("DROP INDEX IF EXISTS ix_order_lines_product_name_trigrams;") && postgres.contains("ALTER TABLE order_lines DROP COLUMN product_name;"))
    }
}
