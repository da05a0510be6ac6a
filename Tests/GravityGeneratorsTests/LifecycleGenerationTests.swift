import Foundation
import GravityGenerators
import GravityModel
import Testing

/// A Blueprint's lifecycles as the generators read them: the model they build, and a lifecycle
/// that does not fit the tables or roles refused with the part at fault named.
@Suite("Lifecycle generation")
struct LifecycleGenerationTests {
    @Test("the order's lifecycle: server-owned status and paid_by, roles per transition, shortest ways to each state")
    func orderModel() async throws {
        let blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        let model = try AppModel(blueprint: blueprint)
        let order = try #require(model.service("orders")?.entities.first { $0.name == "purchase_order" })
        let lifecycle = try #require(order.lifecycle)
        #expect(lifecycle.serverColumns == ["status", "paid_by"])
        #expect(!order.inputColumns.contains { ["status", "paid_by"].contains($0.name) }, "clients never send them")
        #expect(order.columns.contains { $0.name == "paid_by" && $0.nullable && $0.isServerOwned })
        let cancel = try #require(lifecycle.transitions.first { $0.name == "cancel" })
        #expect(cancel.states(for: "customer") == ["pending"])
        #expect(cancel.states(for: "staff") == ["pending", "paid"])
        #expect(lifecycle.available(to: "customer", in: "paid").isEmpty)
        #expect(lifecycle.path(to: "delivered")?.map(\.transition.name) == ["pay", "ship", "deliver"])
        #expect(model.service("orders")?.entities.first { $0.name == "order_line" }?.lifecycle == nil)
    }

    @Test(
        "a lifecycle that does not fit the Blueprint is refused, naming the entity and what is wrong",
        arguments: [
            ("field", "moves 'state', which is not a choice column of purchase_orders"),
            ("state", "names the state 'lost', which is not a value of purchase_orders.status"),
            ("role", "lets the role 'courier' act, which requirements.roles does not list"),
            ("records", "records pay in 'total', which must be a nullable string column"),
        ]
    )
    func incoherent(fault: String, message: String) async throws {
        var blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        var lifecycle = try #require(blueprint.requirements?.lifecycles.first)
        switch fault {
        case "field": lifecycle.field = "state"
        case "state": lifecycle.transitions[0].to = "lost"
        case "role": lifecycle.transitions[1].by[0].roles.append("courier")
        default: lifecycle.transitions[0].records = "total"
        }
        blueprint.requirements?.lifecycles = [lifecycle]
        #expect(throws: GenerationError.incoherentLifecycle(entity: "purchase_order", problem: message)) {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        }
        #expect(
            GenerationError.incoherentLifecycle(entity: "purchase_order", problem: message).description
                == "requirements.lifecycles: the lifecycle of purchase_order \(message)"
        )
    }
}
