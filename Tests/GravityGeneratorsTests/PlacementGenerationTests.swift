import Foundation
import GravityGenerators
import GravityModel
import Testing

/// A Blueprint's placements as the generators read them: the order's fields the server takes over,
/// its lines made read only, and a placement that does not fit the tables refused by name.
@Suite("Placement generation")
struct PlacementGenerationTests {
    @Test("the purchase order: total, placed_at and the reservation's key are the server's; its lines are read only, priced by the server")
    func orderModel() async throws {
        let blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        let orders = try #require(try AppModel(blueprint: blueprint).service("orders"))
        let order = try #require(orders.entities.first { $0.name == "purchase_order" })
        let placement = try #require(order.placement)
        #expect(placement.lines == "order_line" && placement.orderColumn == "purchase_order_id" && placement.stockColumn == "product_id")
        #expect(placement.reference.service == "catalog" && placement.releasedBy == ["cancel"])
        #expect(order.inputColumns.map(\.name) == ["notes", "customer_id", "shipping_address_id"])
        #expect(Set(order.columns.filter(\.isServerOwned).map(\.name)) == ["status", "total", "placed_at", "paid_by", "reservation_key"])
        let lines = try #require(orders.entities.first { $0.name == "order_line" })
        #expect(!lines.isWritable && lines.placedWith == "purchase_order" && lines.ownedBy == order.ownedBy)
        #expect(lines.columns.first { $0.name == "unit_price" }?.isServerOwned == true)
    }

    @Test("the lines' router has list and read only; the order's create takes the lines and saves them in its transaction")
    func routers() async throws {
        let files = try ApplicationGenerator.generate(blueprint: try await GeneratorTestData.session("ecommerce").blueprint, decisions: [])
        let lines = try #require(files.first { $0.path == "services/orders/app/routes/order_lines.py" }?.contents)
        #expect(lines.contains("@router.get(\"\"") && lines.contains("@router.get(\"/{item_id}\""))
        #expect(!lines.contains("@router.post") && !lines.contains("@router.put") && !lines.contains("@router.delete"))
        let orders = try #require(files.first { $0.path == "services/orders/app/routes/purchase_orders.py" }?.contents)
        #expect(orders.contains("def create_purchase_order(payload: PurchaseOrderPlacement"))
        #expect(orders.contains("stock.release(f\"{RESERVATIONS}/{item.reservation_key}\")"))
        #expect(files.contains { $0.path == "services/orders/tests/test_purchase_orders_placement.py" })
    }

    @Test(
        "a placement that does not fit the Blueprint is refused, naming the order and what is wrong",
        arguments: [
            (Placement(entity: "purchase_order", lines: "product", stock: "product", quantity: "quantity", unitPrice: "unit_price", total: "total"),
             "has lines 'product', which its service does not keep"),
            (Placement(entity: "purchase_order", lines: "order_line", stock: "purchase_order", quantity: "quantity", unitPrice: "unit_price", total: "total"),
             "takes from 'purchase_order', which is not a required reference of order_lines to another service's entity with a priced stock"),
            (Placement(entity: "purchase_order", lines: "order_line", stock: "product", quantity: "product_name", unitPrice: "unit_price", total: "total"),
             "names 'product_name', which is not a NOT NULL integer column of order_lines"),
            (Placement(entity: "purchase_order", lines: "order_line", stock: "product", quantity: "quantity", unitPrice: "unit_price", total: "notes"),
             "names 'notes', which is not a NOT NULL money column of purchase_orders"),
            (Placement(entity: "purchase_order", lines: "order_line", stock: "product", quantity: "quantity", unitPrice: "unit_price", total: "total", releasedBy: ["refund"]),
             "is released by 'refund', which is not a transition of its lifecycle"),
        ] as [(Placement, String)]
    )
    func incoherent(placement: Placement, message: String) async throws {
        var blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        blueprint.requirements?.placements = [placement]
        #expect(throws: GenerationError.incoherentPlacement(entity: "purchase_order", problem: message)) {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        }
    }

    @Test("an order without a lifecycle cannot be placed: it would be replaced by a PUT")
    func needsLifecycle() async throws {
        var blueprint = try await GeneratorTestData.session("ecommerce").blueprint
        blueprint.requirements?.lifecycles.removeAll { $0.entity == "purchase_order" }
        #expect(throws: GenerationError.incoherentPlacement(entity: "purchase_order", problem: "needs a lifecycle: a placed purchase_order is moved, never replaced")) {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        }
    }
}
