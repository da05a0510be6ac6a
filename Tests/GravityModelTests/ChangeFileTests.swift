import Foundation
import GravityModel
import Testing

@Suite("Change files")
struct ChangeFileTests {
    private func ecommerce() throws -> Industry {
        try Catalog(root: TestData.repositoryRoot).industry("ecommerce")
    }

    /// The shipped reviews change with `edit` applied to its text, checked against ecommerce.
    private func reviews(_ edit: (String) -> String = { $0 }) throws -> (ChangeRequest, Industry) {
        let text = try String(contentsOfFile: "\(TestData.repositoryRoot)/changes/ecommerce-reviews.yaml", encoding: .utf8)
        return try ChangeValidation.decode(edit(text), file: "changes/ecommerce-reviews.yaml", industry: try ecommerce())
    }

    private func problem(_ edit: @escaping (String) -> String) throws -> String {
        do {
            _ = try reviews(edit)
        } catch let error as ModelError {
            return error.description
        }
        Issue.record("the edited change was accepted")
        return ""
    }

    @Test("the shipped reviews change adds its entity, field, feature and precondition to ecommerce")
    func shippedChange() throws {
        let (change, changed) = try reviews()
        #expect(change.name == "reviews")
        #expect(!change.isDestructive)
        let review = try #require(changed.entity(named: "review"))
        #expect(review.context == "orders")
        #expect(review.fields.first { $0.name == "rating" }?.maximum == 5)
        #expect(review.uniqueTogether == [["customer", "product"]])
        #expect(changed.entity(named: "product")?.fields.last?.name == "weight_grams")
        #expect(changed.features.last?.id == "product-reviews")
        #expect(changed.preconditions.map(\.id) == ["reviewer-ordered-product"])
        // What the industry had is where it was.
        let original = try ecommerce()
        #expect(Array(changed.entities.prefix(original.entities.count)).map(\.name) == original.entities.map(\.name))
        #expect(changed.roles == original.roles)
    }

    @Test("a problem in what the change adds is reported at its line in the change file")
    func locatedProblems() throws {
        #expect(
            try problem { $0.replacingOccurrences(of: "minimum: 1, maximum: 5", with: "minimum: 6, maximum: 5") }
                == "changes/ecommerce-reviews.yaml:14: invalid value for 'entities[0].fields[0].maximum': maximum 5 is below the minimum 6")
        #expect(
            try problem { $0.replacingOccurrences(of: "[customer, product]", with: "[customer, produce]") }
                == "changes/ecommerce-reviews.yaml:21: invalid value for 'entities[0].unique_together[0]': 'produce' is not a field or relation of review")
        #expect(
            try problem { $0.replacingOccurrences(of: "maximum: 5}", with: "maximum: 5.5}") }
                == "changes/ecommerce-reviews.yaml:14: invalid value for 'entities[0].fields[0].maximum': maximum is for integer fields, and must be a whole number")
        #expect(
            try problem { $0.replacingOccurrences(of: "{name: weight_grams, type: integer, minimum: 0}", with: "{name: weight_grams, type: integer, required: true}") }
                == "changes/ecommerce-reviews.yaml:25: invalid value for 'extend[0].fields[0].required': a field added to an entity with records must be optional (required: false)")
        #expect(
            try problem { $0.replacingOccurrences(of: "- entity: product\n", with: "- entity: produce\n") }
                == "changes/ecommerce-reviews.yaml:23: invalid value for 'extend[0].entity': unknown entity 'produce' (a new entity goes under entities, with its fields)")
        #expect(
            try problem { $0.replacingOccurrences(of: "purchase_order.customer: customer", with: "purchase_order.customer: rating") }
                == "changes/ecommerce-reviews.yaml:35: invalid value for 'preconditions[0].matching.purchase_order.customer': 'purchase_order.customer' holds a customer and 'rating' holds integer values; they can never be equal")
        #expect(
            try problem { $0.replacingOccurrences(of: "purchase_order.status: [cancelled]", with: "purchase_order.status: [lost]") }
                == "changes/ecommerce-reviews.yaml:37: invalid value for 'preconditions[0].excluding.purchase_order.status': 'lost' is not a value of status")
        #expect(
            try problem { $0.replacingOccurrences(of: "exists: order_line", with: "exists: product") }
                == "changes/ecommerce-reviews.yaml:32: invalid value for 'preconditions[0].exists': 'product' is not an entity of review's context (orders), whose database the check reads")
        #expect(
            try problem { $0.replacingOccurrences(of: "plural: reviews", with: "plural: products") }
                == "changes/ecommerce-reviews.yaml:10: invalid value for 'entities[0].plural': plural 'products' is already used (each becomes a table and a route)")
        #expect(
            try problem { $0.replacingOccurrences(of: "name: reviews\n", with: "name: Reviews!\n") }
                == "changes/ecommerce-reviews.yaml:4: invalid value for 'name': 'Reviews!' must be a lowercase identifier of at most 40 characters")
    }

    @Test("a removal names a field the entity has, and marks the change destructive")
    func removals() throws {
        let (change, changed) = try reviews { $0 + "remove:\n  - {entity: order_line, field: product_name}\n" }
        #expect(change.isDestructive)
        #expect(changed.entity(named: "order_line")?.fields.map(\.name) == ["quantity", "unit_price"])
        #expect(
            try problem { $0 + "remove:\n  - {entity: order_line, field: colour}\n" }
                == "changes/ecommerce-reviews.yaml:39: invalid value for 'remove[0].field': order_line has no field or relation 'colour'")
    }

    @Test("what a forward migration cannot do is refused at its line: a required relation added, a constraint taken away")
    func migrationLimits() throws {
        #expect(
            try problem { $0 + "remove:\n  - {entity: order_line, field: purchase_order}\n" }
                == "changes/ecommerce-reviews.yaml:39: invalid value for 'remove[0].field': order_line.purchase_order cannot be taken away by a forward migration yet: it is a foreign key within its service")
        #expect(
            try problem { $0 + "remove:\n  - {entity: product, field: sku}\n" }
                == "changes/ecommerce-reviews.yaml:39: invalid value for 'remove[0].field': product.sku cannot be taken away by a forward migration yet: it is unique")
        #expect(
            try problem { $0.replacingOccurrences(of: "      - {name: weight_grams, type: integer, minimum: 0}\n", with: "      - {name: weight_grams, type: integer, minimum: 0}\n    relations:\n      - {name: maker, entity: category, required: true}\n") }
                == "changes/ecommerce-reviews.yaml:27: invalid value for 'extend[0].relations[0].required': a relation added to an entity with records must be optional (required: false)")
        let (change, _) = try reviews { $0 + "remove:\n  - {entity: purchase_order, field: shipping_address}\n" }
        #expect(change.remove.map(\.field) == ["shipping_address"], "a relation to another service's entity is a plain column")
    }

    @Test("an industry file may use the new vocabulary too, and one without it encodes as before")
    func industryVocabulary() throws {
        let industry = try ecommerce()
        let json = String(decoding: try JSONEncoder().encode(industry), as: UTF8.self)
        #expect(!json.contains("preconditions") && !json.contains("unique_together") && !json.contains("maximum"))
        let (_, changed) = try reviews()
        let again = try JSONDecoder().decode(Industry.self, from: JSONEncoder().encode(changed))
        #expect(again == changed)
    }
}
