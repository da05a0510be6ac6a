import Foundation
import GravityModel
import Testing

@Suite("Catalog")
struct CatalogTests {
    @Test("the repository ships 13 standing personas and 5 industries")
    func shipped() throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        #expect(catalog.personas.count == 13)
        #expect(catalog.industryIDs == ["education", "ecommerce", "finance", "general", "healthcare"].sorted())
    }

    @Test("every shipped industry makes a valid team of 14", arguments: ["ecommerce", "healthcare", "finance", "education", "general"])
    func teams(industry: String) throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        let team = try catalog.team(for: catalog.industry(industry))
        #expect(team.members.count == 14)
        #expect(team.members.last?.role == .industryConsultant)
        for phase in Phase.allCases { #expect(team.lead(of: phase).leads.contains(phase)) }
        #expect(team.productManager.name == "Michael Chang")
    }

    @Test("every concern and compliance item requires a fact of its own phase")
    func factsMatchPhases() throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        for id in catalog.industryIDs {
            let team = try catalog.team(for: catalog.industry(id))
            for member in team.members {
                for concern in member.concerns {
                    #expect(concern.requires.hasPrefix(concern.phase.rawValue + "."), "\(member.id): \(concern.id)")
                }
            }
            for item in team.industry.compliance { #expect(item.requires.hasPrefix(item.phase.rawValue + "."), "\(id): \(item.id)") }
        }
    }

    @Test("an unknown industry lists the available ones")
    func unknownIndustry() throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        #expect(throws: ModelError.unknownIndustry(id: "aerospace", available: catalog.industryIDs)) {
            try catalog.industry("aerospace")
        }
        #expect(ModelError.unknownIndustry(id: "x", available: ["a", "b"]).description.contains("available: a, b"))
    }

    @Test("an industry can be given as a path to a YAML file")
    func industryByPath() throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        let industry = try catalog.industry("\(TestData.repositoryRoot)/industries/finance.yaml")
        #expect(industry.id == "finance")
    }

    @Test("a duplicate persona id names both files")
    func duplicatePersona() throws {
        let root = try TestData.scratchCopy()
        try FileManager.default.copyItem(atPath: "\(root)/personas/marcus-chen.yaml", toPath: "\(root)/personas/zz-copy.yaml")
        #expect(
            throws: ModelError.duplicatePersona(id: "marcus-chen", file: "personas/zz-copy.yaml", firstFile: "personas/marcus-chen.yaml")
        ) {
            try Catalog(root: root)
        }
    }

    @Test("a persona file missing a field is reported with file and field")
    func personaMissingField() throws {
        let root = try TestData.scratchCopy()
        let path = "\(root)/personas/emma-thompson.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try TestData.write(text.split(separator: "\n").filter { !$0.hasPrefix("iq:") }.joined(separator: "\n"), to: path)
        #expect {
            try Catalog(root: root)
        } throws: { error in
            guard case .missingField(let file, _, let field) = error as? ModelError else { return false }
            return file == "personas/emma-thompson.yaml" && field == "iq"
        }
    }

    @Test("a phase with no lead makes an invalid team")
    func missingLead() throws {
        let root = try TestData.scratchCopy()
        let path = "\(root)/personas/yuki-tanaka.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try TestData.write(
            text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("leads:") ? "leads: []" : String($0) }
                .joined(separator: "\n"),
            to: path
        )
        let catalog = try Catalog(root: root)
        #expect(throws: ModelError.invalidTeam(problem: "no persona leads the testing phase")) {
            try catalog.team(for: catalog.industry("general"))
        }
    }

    /// Loads a scratch copy's ecommerce industry with `old` replaced by `new`, and returns the
    /// located error it gives: its file, line, the text of that line, and the problem.
    func ecommerceError(replacing old: String, with new: String) throws -> (file: String, line: Int, text: String, problem: String)? {
        try industryError("ecommerce", replacing: old, with: new)
    }

    func industryError(
        _ industry: String, replacing old: String, with new: String
    ) throws -> (file: String, line: Int, text: String, problem: String)? {
        let root = try TestData.scratchCopy()
        let path = "\(root)/industries/\(industry).yaml"
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: old, with: new)
        try TestData.write(edited, to: path)
        let catalog = try Catalog(root: root)
        do {
            _ = try catalog.industry(industry)
            return nil
        } catch let ModelError.invalidValue(file, line, _, problem) {
            let lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
            return (file, line, line >= 1 && line <= lines.count ? String(lines[line - 1]) : "", problem)
        }
    }

    @Test("an industry relation to an unknown entity is located")
    func danglingRelation() throws {
        let found = try #require(try ecommerceError(replacing: "entity: category", with: "entity: unicorn"))
        #expect(found.file == "industries/ecommerce.yaml" && found.line > 1)
        #expect(found.problem == "unknown entity 'unicorn'")
    }

    @Test("a seed relation takes row numbers of the related seed; another value is located", arguments: ["7", "0", "first"])
    func seedRelationRows(value: String) throws {
        let found = try #require(try ecommerceError(replacing: "category: [1, 1, 1,", with: "category: [\(value), 1, 1,"))
        #expect(found.file == "industries/ecommerce.yaml" && found.text.contains("category: ["), "\(found)")
        #expect(found.problem == "relation 'category' takes row numbers from 1 to 6 (the category rows seeded), not '\(value)'")
    }

    @Test("a currency must be an ISO 4217 code this tool knows, and a money field needs one")
    func currency() throws {
        let unknown = try #require(try ecommerceError(replacing: "currency: USD", with: "currency: DOLLARS"))
        #expect(unknown.file == "industries/ecommerce.yaml" && unknown.text == "currency: DOLLARS", "\(unknown)")
        #expect(unknown.problem == "'DOLLARS' is not an ISO 4217 currency code this tool knows (e.g. USD, EUR, GBP, JPY)")
        let missing = try #require(try ecommerceError(replacing: "currency: USD\n", with: ""))
        #expect(missing.text.contains("{name: price, type: money"), "\(missing)")
        #expect(missing.problem == "a money field needs the industry's currency: add e.g. 'currency: USD' to the file")
        #expect(Currency(code: "JPY")?.scale == 0 && Currency(code: "KWD")?.scale == 3 && Currency(code: "usd") == nil)
    }

    @Test("every shipped industry has a lifecycle, and each reaches all of its states")
    func shippedLifecycles() throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        for id in catalog.industryIDs {
            let industry = try catalog.industry(id)
            #expect(!industry.lifecycles.isEmpty, "\(id)")
        }
        let orders = try #require(try catalog.industry("ecommerce").lifecycles.first)
        #expect(orders.entity == "purchase_order" && orders.initial == "pending")
        let cancel = try #require(orders.transitions.first { $0.name == "cancel" })
        #expect(cancel.by == [.init(roles: ["customer"], from: ["pending"]), .init(roles: ["staff", "admin"], from: ["pending", "paid"])])
        #expect(orders.transitions.first { $0.name == "pay" }?.records == "paid_by")
    }

    @Test(
        "a lifecycle that names what the file does not have is located",
        arguments: [
            ("entity: purchase_order\n    field: status", "entity: purchase_orders\n    field: status", "unknown entity 'purchase_orders'"),
            ("field: status\n    initial: pending", "field: notes\n    initial: pending", "'notes' is not a choice field of purchase_order"),
            ("initial: pending", "initial: draft", "'draft' is not one of status's values"),
            ("{name: ship, to: shipped,", "{name: ship, to: sent,", "'sent' is not one of the field's values"),
            ("from: [paid]}]}", "from: [paid, sent]}]}", "'sent' is not one of the field's values"),
            ("{roles: [staff, admin], from: [shipped]}", "{roles: [staff, courier], from: [shipped]}", "unknown role 'courier'"),
            ("{name: deliver, to: delivered,", "{name: ship, to: delivered,", "transition 'ship' appears twice"),
            ("{name: deliver, to: delivered,", "{name: Deliver-Now, to: delivered,", "'Deliver-Now' must be a lowercase identifier (it becomes a path)"),
            ("from: [shipped]}]}", "from: [delivered]}]}", "a transition to 'delivered' cannot start there"),
            ("records: paid_by", "records: total", "'total' must be a new lowercase identifier: the server adds it to hold who took the transition"),
            (
                "      - {name: deliver, to: delivered, by: [{roles: [staff, admin], from: [shipped]}]}\n", "",
                "state 'delivered' is neither the initial state nor where a transition leads"
            ),
        ]
    )
    func lifecycleErrors(old: String, new: String, problem: String) throws {
        let found = try #require(try ecommerceError(replacing: old, with: new), "\(new) was accepted")
        #expect(found.file == "industries/ecommerce.yaml" && found.line > 1, "\(found)")
        #expect(found.problem == problem)
    }
}

@Suite("Industry stocks")
struct StockCatalogTests {
    @Test("ecommerce reserves its products' stock at their price")
    func shippedStock() throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        #expect(try catalog.industry("ecommerce").stocks == [Stock(entity: "product", field: "stock", price: "price")])
    }

    @Test(
        "a stock that is not a bounded count of an entity is located",
        arguments: [
            ("{entity: product, field: stock, price: price}", "{entity: products, field: stock, price: price}", "unknown entity 'products'"),
            ("{entity: product, field: stock, price: price}", "{entity: product, field: sku, price: price}", "'sku' is not an integer field of product"),
            (
                "{name: stock, type: integer, required: true, minimum: 0}", "{name: stock, type: integer, required: true}",
                "stock 'stock' must be required with a minimum of 0 or more"
            ),
            ("{entity: product, field: stock, price: price}", "{entity: product, field: stock, price: name}", "'name' is not a required money field of product"),
        ]
    )
    func stockErrors(old: String, new: String, problem: String) throws {
        try expectError(old: old, new: new, problem: problem)
    }

    @Test("no role may be the one services call each other as")
    func serviceRole() throws {
        try expectError(old: "roles: [customer, staff, admin]", new: "roles: [customer, service, staff, admin]", problem: "role 'service' is reserved for calls between services")
    }

    private func expectError(old: String, new: String, problem: String) throws {
        let found = try #require(try CatalogTests().ecommerceError(replacing: old, with: new), "\(new) was accepted")
        #expect(found.file == "industries/ecommerce.yaml" && found.line > 1, "\(found)")
        #expect(found.problem == problem)
    }
}

@Suite("Industry schedules")
struct ScheduleCatalogTests {
    static let shipped = "{entity: appointment, resource: practitioner, starts: starts_at, minutes: duration_minutes, frees: [cancelled, no_show]}"

    @Test("healthcare never double-books a practitioner; cancelled and missed appointments free their time")
    func shippedSchedule() throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        #expect(
            try catalog.industry("healthcare").schedules
                == [Schedule(entity: "appointment", resource: "practitioner", starts: "starts_at", minutes: "duration_minutes", frees: ["cancelled", "no_show"])]
        )
    }

    @Test(
        "a schedule that names what the file does not have is located",
        arguments: [
            ("entity: appointment, resource", "entity: appointments, resource", "unknown entity 'appointments'"),
            ("resource: practitioner,", "resource: patient,", "'patient' is not a required relation of appointment to an entity of its context"),
            ("starts: starts_at,", "starts: reason,", "'reason' is not a required datetime field of appointment"),
            ("minutes: duration_minutes,", "minutes: starts_at,", "'starts_at' is not a required integer field of appointment with a minimum of 1 or more"),
            ("frees: [cancelled, no_show]", "frees: [cancelled, lost]", "'lost' is not a state of appointment's lifecycle"),
        ]
    )
    func scheduleErrors(old: String, new: String, problem: String) throws {
        let edited = Self.shipped.replacingOccurrences(of: old, with: new)
        let found = try #require(try CatalogTests().industryError("healthcare", replacing: Self.shipped, with: edited), "\(new) was accepted")
        #expect(found.file == "industries/healthcare.yaml" && found.line > 1, "\(found)")
        #expect(found.problem == problem)
    }
}

@Suite("Industry claims")
struct ClaimCatalogTests {
    static let shipped = "{entity: enrollment, stock: course, released_by: [withdraw]}"

    @Test("education's enrolment takes a seat of its course, and withdrawing gives it back")
    func shippedClaim() throws {
        let industry = try Catalog(root: TestData.repositoryRoot).industry("education")
        #expect(industry.claims == [Claim(entity: "enrollment", stock: "course", releasedBy: ["withdraw"])])
        #expect(industry.stocks == [Stock(entity: "course", field: "seats_left")])
    }

    @Test(
        "a claim that names what the file does not have is located",
        arguments: [
            ("entity: enrollment,", "entity: enrolment,", "unknown entity 'enrolment'"),
            ("stock: course,", "stock: student,", "'student' is not a required relation of enrollment to another context's entity with a stock"),
            ("released_by: [withdraw]", "released_by: [graduate]", "'graduate' is not a transition of enrollment's lifecycle"),
        ]
    )
    func claimErrors(old: String, new: String, problem: String) throws {
        let edited = Self.shipped.replacingOccurrences(of: old, with: new)
        let found = try #require(try CatalogTests().industryError("education", replacing: Self.shipped, with: edited), "\(new) was accepted")
        #expect(found.file == "industries/education.yaml" && found.line > 1, "\(found)")
        #expect(found.problem == problem)
    }
}

@Suite("Industry placements")
struct PlacementCatalogTests {
    @Test("ecommerce places an order with its lines, each taking its product's stock at its price")
    func shippedPlacement() throws {
        let industry = try Catalog(root: TestData.repositoryRoot).industry("ecommerce")
        #expect(
            industry.placements == [
                Placement(
                    entity: "purchase_order", lines: "order_line", stock: "product", quantity: "quantity", unitPrice: "unit_price",
                    total: "total", placedAt: "placed_at", releasedBy: ["cancel"])
            ])
    }

    @Test(
        "a placement that names what the file does not have is located",
        arguments: [
            ("  - entity: purchase_order\n    lines:", "  - entity: purchase_orders\n    lines:", "unknown entity 'purchase_orders'"),
            ("lines: order_line", "lines: product", "'product' is not an entity of purchase_order's context with a required relation to it"),
            ("    stock: product\n", "    stock: purchase_order\n", "'purchase_order' is not a required relation of order_line to another context's entity with a priced stock"),
            ("quantity: quantity", "quantity: product_name", "'product_name' is not a required integer field of order_line with a minimum of 1"),
            ("unit_price: unit_price", "unit_price: quantity", "'quantity' is not a required money field of order_line"),
            ("total: total", "total: notes", "'notes' is not a required money field of purchase_order"),
            ("placed_at: placed_at\n    released_by", "placed_at: notes\n    released_by", "'notes' is not a required datetime field of purchase_order"),
            ("released_by: [cancel]", "released_by: [refund]", "'refund' is not a transition of purchase_order's lifecycle"),
        ]
    )
    func placementErrors(old: String, new: String, problem: String) throws {
        let found = try #require(try CatalogTests().ecommerceError(replacing: old, with: new), "\(new) was accepted")
        #expect(found.file == "industries/ecommerce.yaml" && found.line > 1, "\(found)")
        #expect(found.problem == problem)
    }
}

@Suite("Industry postings")
struct PostingCatalogTests {
    @Test("finance posts a ledger transaction to its account's balance, and a transfer from one account to another; reversing moves them back")
    func shippedPosting() throws {
        let industry = try Catalog(root: TestData.repositoryRoot).industry("finance")
        #expect(
            industry.postings == [
                Posting(
                    entity: "ledger_transaction", account: "account", amount: "amount", direction: "direction", debit: "debit", balance: "balance",
                    postedBy: "post", reversedBy: "reverse"),
                Posting(
                    entity: "transfer", account: "from_account", amount: "amount", balance: "balance", postedBy: "post", reversedBy: "reverse",
                    counterpart: "to_account"),
            ])
    }

    @Test(
        "a posting that names what the file does not have is located",
        arguments: [
            ("  - entity: ledger_transaction\n    account:", "  - entity: ledger\n    account:", "unknown entity 'ledger'"),
            ("    account: account\n    amount", "    account: payee\n    amount", "'payee' is not a required relation of ledger_transaction to another context's entity"),
            ("    amount: amount\n", "    amount: memo\n", "'memo' is not a required money field of ledger_transaction with a minimum above 0"),
            ("    direction: direction\n", "    direction: memo\n", "'memo' is not a required choice field of ledger_transaction"),
            ("    direction: direction\n", "    direction: status\n", "'debit' is not a value of ledger_transaction.status"),
            ("    debit: debit\n", "    debit: withdrawal\n", "'withdrawal' is not a value of ledger_transaction.direction"),
            ("    balance: balance\n", "    balance: overdraft_limit\n", "'overdraft_limit' is not a required money field of account"),
            ("    posted_by: post\n", "    posted_by: approve\n", "'approve' is not a transition of ledger_transaction's lifecycle"),
            ("    reversed_by: reverse\n", "    reversed_by: post\n", "'post' is not another transition of ledger_transaction's lifecycle"),
            ("    counterpart: to_account\n", "    counterpart: from_account\n", "'from_account' is not another required relation of transfer to account"),
        ]
    )
    func postingErrors(old: String, new: String, problem: String) throws {
        let found = try #require(try CatalogTests().industryError("finance", replacing: old, with: new), "\(new) was accepted")
        #expect(found.file == "industries/finance.yaml" && found.line > 1, "\(found)")
        #expect(found.problem == problem)
    }
}
