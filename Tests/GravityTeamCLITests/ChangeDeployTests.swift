import Foundation
import GravityTestSupport
import Testing

/// The shop deployed and in use, then changed twice with `develop --from` and deployed again each
/// time: the orders and accounts taken before are all there, the reviews work through the gateway
/// and in the browser, the hand edit is kept, `0001` is as it was, and both changes replay exactly.
@Suite("Changing a deployed app")
struct ChangeDeployTests {
    @Test("reviews, then wishlists, on top of a running shop that keeps its orders and accounts")
    func reviewsThenWishlists() async throws {
        let directory = try CLI.temporaryDirectory()
        let shop = try await DeployedApp.start("ecommerce", named: "shop", adminEmail: "admin@gravity-shop.example", in: directory)
        defer { shop.stop() }
        let (base, admin) = (shop.base, shop.adminToken)
        func post(_ path: String, _ body: [String: Any], _ token: String) async throws -> LoopbackHTTP.Response {
            try await LoopbackHTTP.request("POST", "\(base)\(path)", json: body, token: token)
        }
        func total(_ path: String) async throws -> Int? {
            (try await LoopbackHTTP.request("GET", "\(base)\(path)", token: admin).json() as? [String: Any])?["total"] as? Int
        }
        func accounts() async throws -> Int? {
            (try await LoopbackHTTP.request("GET", "\(base)/api/auth/accounts", token: admin).json() as? [Any])?.count
        }

        // Two shoppers, each with a profile and an order; Bob's second order is cancelled.
        var shoppers: [String: (token: String, customer: Int)] = [:]
        for (name, email) in [("Ann", "ann@example.com"), ("Bob", "bob@example.com")] {
            let token = try await shop.signUp(email)
            let profile = try await post("/api/customers/customers", ["email": email, "full_name": "\(name) Shopper"], token)
            let customer = try #require((try profile.json() as? [String: Any])?["id"] as? Int, "\(profile.text)")
            shoppers[name] = (token, customer)
        }
        let (ann, bob) = (try #require(shoppers["Ann"]), try #require(shoppers["Bob"]))
        for (token, product) in [(ann.token, 2), (bob.token, 3), (bob.token, 5)] {
            let placed = try await post("/api/orders/purchase_orders", ["lines": [["product_id": product, "quantity": 1]]], token)
            try #require(placed.status == 201, "\(placed.text)")
            if product == 5, let id = (try placed.json() as? [String: Any])?["id"] as? Int {
                #expect(try await post("/api/orders/purchase_orders/\(id)/cancel", [:], token).status == 200)
            }
        }
        let ordersBefore = try #require(try await total("/api/orders/purchase_orders"))
        let accountsBefore = try #require(try await accounts())
        let customersBefore = try #require(try await total("/api/customers/customers"))

        // What the user wrote by hand, and what must stay byte for byte.
        let app = shop.path
        let addresses = "\(app)/services/customers/app/routes/addresses.py"
        let edited = try String(contentsOfFile: addresses, encoding: .utf8) + "# Delivery is by bicycle within the ring road.\n"
        try edited.write(toFile: addresses, atomically: true, encoding: .utf8)
        let initial = try FileManager.default.subpathsOfDirectory(atPath: "\(app)/services").filter { $0.hasSuffix("/0001_init.sql") }.sorted()
        let initialBytes = try initial.map { try Data(contentsOf: URL(fileURLWithPath: "\(app)/services/\($0)")) }
        #expect(initial.count == 8, "\(initial)")

        // The first change: deliberated, written, its services' own tests run, then deployed into the running app.
        let reviews = try await CLI.run(
            ["develop", "--from", app, "--change-file", "\(CLI.repositoryRoot)/changes/ecommerce-reviews.yaml"], in: directory, verify: true)
        try #require(reviews.status == 0, "\(reviews.stderr.suffix(1_500))")
        #expect(reviews.stdout.contains("Verified:") && !reviews.stdout.contains("FAILED"), "\(reviews.stdout.suffix(800))")
        #expect(reviews.stdout.contains("[8/8] Deployment: kept"), "\(reviews.stdout.suffix(2_000))")
        let updated = try await CLI.run(["deploy", app], in: directory)
        try #require(updated.status == 0, "\(updated.stdout.suffix(1_500))\n\(updated.stderr)")
        #expect(updated.stdout.contains("migrations applied: 0002_reviews.sql"), "\(updated.stdout)")
        #expect(updated.stdout.contains("Updated in") && updated.stdout.contains("every stored row kept"), "\(updated.stdout)")
        #expect(!updated.stdout.contains("identity     restarting"), "an unchanged service is left running: \(updated.stdout)")
        let again = try await CLI.run(["deploy", app], in: directory)
        #expect(again.status == 0 && again.stdout.contains("is already running"), "an unchanged app is left as it is: \(again.stdout)")

        #expect(try await total("/api/orders/purchase_orders") == ordersBefore)
        #expect(try await total("/api/customers/customers") == customersBefore)
        #expect(try await accounts() == accountsBefore)
        #expect(try String(contentsOfFile: addresses, encoding: .utf8) == edited, "the hand edit is kept")
        #expect(try initial.map { try Data(contentsOf: URL(fileURLWithPath: "\(app)/services/\($0)")) } == initialBytes, "0001 is as it was")

        // Reviews through the gateway: only for a product the customer ordered (and did not cancel), once, rated 1 to 5.
        let annReview = try await post("/api/orders/reviews", ["product_id": 2, "rating": 5, "comment": "Sharp and bright"], ann.token)
        #expect(try annReview.status == 201 && (annReview.json() as? [String: Any])?["customer_id"] as? Int == ann.customer, "\(annReview.text)")
        let notOrdered = try await post("/api/orders/reviews", ["product_id": 3, "rating": 4], ann.token)
        #expect(notOrdered.status == 409 && notOrdered.text.contains("Only a customer who ordered the product may review it."), "\(notOrdered.text)")
        let cancelled = try await post("/api/orders/reviews", ["product_id": 5, "rating": 2], bob.token)
        #expect(cancelled.status == 409, "a cancelled order does not count: \(cancelled.text)")
        let twice = try await post("/api/orders/reviews", ["product_id": 2, "rating": 3], ann.token)
        #expect(twice.status == 409 && twice.text.contains("has the same customer_id and product_id"), "\(twice.text)")
        #expect(try await post("/api/orders/reviews", ["product_id": 2, "rating": 6], ann.token).status == 422)
        let product = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/products/2")
        #expect(try (product.json() as? [String: Any]).map { $0.keys.contains("weight_grams") } == true, "\(product.text)")

        // And in the browser: Bob reviews the product he ordered, through the generated form.
        let browser = try await Browser(url: "\(base)/#/login")
        defer { browser.close() }
        let reviewed = try await browser.run(
            """
            await wait(() => document.querySelector("#password"), "the sign-in form");
            type("#email", "bob@example.com");
            type("#password", "a long enough password");
            submit();
            await wait(() => sessionStorage.getItem("token") && location.hash === "#/", "signing in");
            location.hash = "#/reviews/new";
            await wait(() => document.querySelector("#field-rating") && document.querySelector("#field-customer_id option[value='\(bob.customer)']"), "the review form");
            type("#field-product_id", "3");
            choose("#field-customer_id", "\(bob.customer)");
            type("#field-rating", "7");
            type("#field-comment", "Sturdy, and it arrived quickly.");
            submit();
            await wait(() => document.getElementById("error-rating").textContent, "the rating's error");
            const tooHigh = document.getElementById("error-rating").textContent;
            type("#field-rating", "4");
            submit();
            await saved("reviews", "the saved review");
            return [tooHigh, field("Rating"), field("Comment")].join("|");
            """
        )
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/change-review.png")
        #expect(reviewed == "Rating must be at most 5.|4|Sturdy, and it arrived quickly.", "\(reviewed)")
        #expect(try await total("/api/orders/reviews") == 2)

        // The second change, on top of the first: the customers service comes to depend on the catalog.
        let wishlists = try await CLI.run(
            ["develop", "--from", app, "--change-file", "\(CLI.repositoryRoot)/changes/ecommerce-wishlists.yaml"], in: directory, verify: true)
        try #require(wishlists.status == 0, "\(wishlists.stderr.suffix(1_500))")
        #expect(wishlists.stdout.contains("Verified:") && !wishlists.stdout.contains("FAILED"), "\(wishlists.stdout.suffix(800))")
        let updatedAgain = try await CLI.run(["deploy", app], in: directory)
        try #require(updatedAgain.status == 0, "\(updatedAgain.stdout.suffix(1_500))\n\(updatedAgain.stderr)")
        #expect(updatedAgain.stdout.contains("migrations applied: 0003_wishlists.sql"), "\(updatedAgain.stdout)")
        let wished = try await post("/api/customers/wishlist_items", ["product_id": 1, "priority": 1, "note": "For the study"], ann.token)
        #expect(wished.status == 201, "\(wished.text)")
        #expect(try await post("/api/customers/wishlist_items", ["product_id": 1], ann.token).status == 409)
        #expect(try await post("/api/customers/wishlist_items", ["product_id": 999_999], ann.token).status == 422, "the catalog is asked")
        #expect(try await total("/api/orders/purchase_orders") == ordersBefore)
        #expect(try await total("/api/orders/reviews") == 2)
        #expect(try await accounts() == accountsBefore)
        #expect(try String(contentsOfFile: addresses, encoding: .utf8) == edited)
        #expect(try initial.map { try Data(contentsOf: URL(fileURLWithPath: "\(app)/services/\($0)")) } == initialBytes)

        // Both changes replay byte for byte from the transcripts beside them.
        for transcript in ["transcript.0002-reviews.jsonl", "transcript.0003-wishlists.jsonl"] {
            let replayed = try await CLI.run(["replay", "\(app)/\(transcript)", "--verify", "--out", "replay-\(transcript)"], in: directory)
            #expect(replayed.status == 0, "\(transcript): \(replayed.stderr)")
        }
    }

    @Test("an update whose service does not come up fails in one line, the service is watched again, and a mended file is taken by the next deploy")
    func failedUpdate() async throws {
        let directory = try CLI.temporaryDirectory()
        let shop = try await DeployedApp.start("ecommerce", named: "shop", adminEmail: "admin@gravity-shop.example", in: directory)
        defer { shop.stop() }
        let main = "\(shop.path)/services/customers/app/main.py"
        let good = try String(contentsOfFile: main, encoding: .utf8)
        try (good + "\nthis is not python\n").write(toFile: main, atomically: true, encoding: .utf8)
        let broken = try await CLI.run(["deploy", shop.path], in: directory)
        #expect(broken.status != 0, "\(broken.stdout)")
        #expect(broken.stdout.contains("customers") && broken.stderr.contains("customers"), "\(broken.stdout)\n\(broken.stderr)")
        // The others were left as they were, and still answer through the gateway.
        let products = try await LoopbackHTTP.request("GET", "\(shop.base)/api/catalog/products")
        #expect(products.status == 200)

        try good.write(toFile: main, atomically: true, encoding: .utf8)
        let mended = try await CLI.run(["deploy", shop.path], in: directory)
        #expect(mended.status == 0 && mended.stdout.contains("Updated in"), "\(mended.stdout)\n\(mended.stderr)")
        let customers = try await LoopbackHTTP.request("GET", "\(shop.base)/api/customers/customers", token: shop.adminToken)
        #expect(customers.status == 200, "\(customers.text)")
        let status = try await CLI.run(["status", shop.path, "--json"], in: directory)
        let services = (try CLI.json(status.stdout) as? [String: Any])?["services"] as? [[String: Any]] ?? []
        #expect(services.first { $0["name"] as? String == "customers" }?["state"] as? String == "running", "\(status.stdout)")
    }
}
