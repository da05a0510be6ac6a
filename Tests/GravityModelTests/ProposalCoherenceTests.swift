import Foundation
import GravityModel
import Testing

/// The moderator's rules for what a JSON schema cannot tie together (`normalised`) and its last
/// resort when no round breaks no gate (`completed`), on ecommerce.
@Suite("Proposal coherence")
struct ProposalCoherenceTests {
    let industry: Industry

    init() throws {
        industry = try Catalog(root: TestData.repositoryRoot).industry("ecommerce")
    }

    func requirements(features: [Feature] = [], entities: [String] = [], roles: [String] = [], lifecycles: [Lifecycle] = []) -> RequirementsSection {
        RequirementsSection(appName: "Shop", summary: "", roles: roles, features: features, entities: entities, lifecycles: lifecycles, practices: [])
    }

    var brief: Blueprint { Blueprint(industry: industry.id, brief: industry.defaultBrief) }

    func decided(_ sections: ProposalContent...) -> Blueprint {
        var blueprint = brief
        for section in sections { blueprint.apply(section) }
        return blueprint
    }

    /// The decisions of requirements and architecture as the moderator would complete empty proposals.
    func completedThroughArchitecture() throws -> Blueprint {
        let requirementsSection = try ProposalContent.requirements(requirements()).completed(given: brief, industry: industry)
        let architecture = try ProposalContent.architecture(ArchitectureSection(style: "", services: [], practices: [])).completed(
            given: decided(requirementsSection), industry: industry
        )
        return decided(requirementsSection, architecture)
    }

    @Test("a feature's entities join the scope with what they refer to, roles become identifiers, and a rule not the industry's goes")
    func requirementsNormalised() throws {
        let foreign = Lifecycle(entity: "purchase_order", field: "status", initial: "new", transitions: [])
        let section = requirements(
            features: [Feature(id: "orders", title: "Orders", priority: .must, entities: ["purchase_order"])],
            roles: ["Staff", "staff", "  "],
            lifecycles: [foreign] + industry.lifecycles
        )
        guard case .requirements(let normalised) = ProposalContent.requirements(section).normalised(given: brief, industry: industry) else {
            Issue.record("not requirements")
            return
        }
        #expect(normalised.entities.contains("purchase_order") && normalised.entities.contains("customer"), "\(normalised.entities)")
        // One role alone would make every newcomer an administrator.
        #expect(normalised.roles == ["staff", "admin"])
        #expect(normalised.lifecycles == industry.lifecycles.filter { normalised.entities.contains($0.entity) })
        #expect(normalised.currency == industry.currency)
    }

    @Test("completing requirements with the industry's brief brings its must-have features, roles and rules")
    func requirementsCompleted() throws {
        let content = ProposalContent.requirements(requirements(entities: ["category"], roles: ["customer"]))
        let completed = try content.completed(given: brief, industry: industry)
        for fact in StructuralFact.facts(of: .requirements) {
            #expect(completed.holds(fact, given: brief, industry: industry), "\(fact.rawValue)")
        }
        guard case .requirements(let section) = completed else { return }
        #expect(Set(industry.roles).isSubset(of: section.roles))
        #expect(!section.placements.isEmpty)
    }

    @Test("with a brief of its own and no entity named, completion names the field it cannot fill")
    func nothingToStandIn() {
        let own = Blueprint(industry: industry.id, brief: "A library lending books to its members")
        let content = ProposalContent.requirements(requirements(features: [Feature(id: "x", title: "", priority: .must, entities: [])], roles: ["member", "librarian"]))
        #expect(throws: CompletionFailure(phase: .requirements, field: "requirements.entities", reason: "the proposal names no entity the application could keep")) {
            try content.completed(given: own, industry: industry)
        }
    }

    @Test("completing an architecture of one service keeps orders with their lines, apart from the stock, without a cycle")
    func architectureCompleted() throws {
        let scope = try ProposalContent.requirements(requirements()).completed(given: brief, industry: industry)
        let blueprint = decided(scope)
        let entities = blueprint.requirements?.entities ?? []
        let everything = ServiceSpec(name: "shop", kind: .api, description: "", apiPrefix: "/api/shop", entities: entities, dependsOn: [])
        let content = ProposalContent.architecture(ArchitectureSection(style: "", services: [everything], practices: []))
        #expect(!content.holds(.rulesPlaced, given: blueprint, industry: industry))
        let completed = try content.completed(given: blueprint, industry: industry)
        for fact in StructuralFact.facts(of: .architecture) {
            #expect(completed.holds(fact, given: blueprint, industry: industry), "\(fact.rawValue)")
        }
        guard case .architecture(let section) = completed else { return }
        #expect(section.owner(of: "purchase_order")?.name == section.owner(of: "order_line")?.name)
        #expect(section.owner(of: "purchase_order")?.name != section.owner(of: "product")?.name)
        #expect(section.services.filter(\.entities.isEmpty).map(\.name) == ["identity"], "the accounts have a service of their own")
    }

    @Test("a table keeps its key, audit columns and only references to tables of its store; the accounts' table is the identity service's own")
    func databaseNormalised() throws {
        let blueprint = try completedThroughArchitecture()
        let owner = try #require(blueprint.architecture?.owner(of: "category")?.name)
        let identity = try #require(blueprint.architecture?.services.first { $0.entities.isEmpty }?.name)
        let odd = TableSpec(
            entity: "category", table: "cats",
            columns: [
                ColumnSpec(name: "price", type: .money, nullable: false),
                ColumnSpec(name: "parent", type: .integer, nullable: true, references: "no_such_table"),
                ColumnSpec(name: "Price", type: .string, nullable: true),
            ]
        )
        let accounts = TableSpec(entity: Blueprint.accountEntity, table: "people", columns: [ColumnSpec(name: "shoe_size", type: .integer, nullable: false)])
        let stray = TableSpec(entity: "purchase_order", table: "orders", columns: [])
        let section = DatabaseSection(
            stores: [
                ServiceStore(service: owner, engines: .everywhere(.sqlite), database: "", tables: [odd, stray]),
                ServiceStore(service: identity, engines: .everywhere(.sqlite), database: "identity_db", tables: [accounts]),
                ServiceStore(service: "nobody", engines: .everywhere(.sqlite), database: "x", tables: []),
            ],
            seed: [], practices: []
        )
        guard case .database(let normalised) = ProposalContent.database(section).normalised(given: blueprint, industry: industry) else { return }
        #expect(normalised.stores.map(\.service) == [owner, identity])
        let table = try #require(normalised.stores[0].tables.first)
        #expect(normalised.stores[0].tables.map(\.entity) == ["category"], "the orders' table is not the catalog's to keep")
        #expect(table.columns.first == DatabaseSection.key && Array(table.columns.suffix(2)) == DatabaseSection.audit)
        #expect(table.columns.filter { $0.name.lowercased() == "price" }.count == 1, "two names of one identifier: the first stays")
        #expect(table.columns.first { $0.name == "parent" }?.references == nil)
        #expect(table.columns.contains { $0.name == "name" }, "the industry's fields of the category are there")
        #expect(normalised.stores[0].database == "\(owner)_db")
        #expect(normalised.stores[1].tables == [TableSpec.accounts(roles: blueprint.requirements?.roles ?? [])])
    }

    @Test("an order's lines take no required column of the proposal's own: placing the order could not fill it")
    func placedLinesNormalised() throws {
        let blueprint = try completedThroughArchitecture()
        let orders = try #require(blueprint.architecture?.owner(of: "order_line")?.name)
        let extra = ColumnSpec(name: "gift_note", type: .string, nullable: false, maxLength: 80)
        let lines = TableSpec(entity: "order_line", table: "order_lines", columns: [extra])
        let section = DatabaseSection(stores: [ServiceStore(service: orders, engines: .everywhere(.sqlite), database: "orders_db", tables: [lines])], seed: [], practices: [])
        guard case .database(let normalised) = ProposalContent.database(section).normalised(given: blueprint, industry: industry) else { return }
        let columns = try #require(normalised.stores.first?.tables.first?.columns)
        #expect(columns.first { $0.name == "gift_note" }?.nullable == true)
        #expect(columns.first { $0.name == "quantity" }?.nullable == false, "the industry's own fields stay required")
    }

    @Test("endpoints only for the service's own entities and actions that fit them")
    func backendNormalised() throws {
        let blueprint = try completedThroughArchitecture()
        let orders = try #require(blueprint.architecture?.owner(of: "purchase_order")?.name)
        let endpoints = [
            EndpointSpec(method: "GET", path: "/x", entity: "purchase_order", action: .list, access: .role, role: nil),
            EndpointSpec(method: "GET", path: "/x", entity: "purchase_order", action: .list, access: .public, role: nil),
            EndpointSpec(method: "POST", path: "/x", entity: "purchase_order", action: .transition, access: .authenticated, role: nil, transition: "teleport"),
            EndpointSpec(method: "POST", path: "/x", entity: "purchase_order", action: .login, access: .public, role: nil),
            EndpointSpec(method: "GET", path: "/x", entity: "product", action: .list, access: .public, role: nil),
        ]
        let section = BackendSection(language: "python", framework: "fastapi", pageSize: 0, apis: [ServiceAPI(service: orders, endpoints: endpoints, calls: [])], practices: [])
        guard case .backend(let normalised) = ProposalContent.backend(section).normalised(given: blueprint, industry: industry) else { return }
        #expect(normalised.pageSize == SectionBounds.pageSize.lowerBound)
        #expect(normalised.apis[0].endpoints.map(\.action) == [.list])
        #expect(normalised.apis[0].endpoints.first?.access == .authenticated, "a role's access with no role is any signed-in account's")
    }
}
