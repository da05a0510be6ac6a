import Foundation
import GravityModel

/// The application-specific data of the frontend (`frontend/schema.js`): title, palette,
/// navigation, and each entity's API path and columns. Everything else in the frontend is generic.
struct SinglePageSchema: Encodable {
    struct Column: Encodable {
        var name: String
        var label: String
        var type: String
        var required: Bool
        var maxLength: Int?
        var minimum: Double?
        var maximum: Int?
        var values: [String]?
        /// Digits after the point of a decimal or money column.
        var places: Int?
        /// The API path of the referenced entity's list, when it is served by this app.
        var referencePath: String?
        var referenceLabel: String?
        /// Set by the server (a lifecycle's status, who took a transition): shown, never in a form.
        var serverOwned: Bool?
    }

    /// A lifecycle as the screens need it: which buttons a role sees in which state.
    struct Lifecycle: Encodable {
        struct Transition: Encodable {
            var name: String
            var label: String
            var to: String
            /// Role to the states it may take the transition from.
            var from: [String: [String]]
        }

        var field: String
        var transitions: [Transition]
    }

    /// How an order is placed from a cart: its lines' entity, and the stocked entity a line takes.
    struct Placement: Encodable {
        /// The plural (screen) of the lines, and their column naming the order.
        var lines: String
        var orderColumn: String
        var linesField: String
        /// The line's fields a client sends: the stocked record and how many.
        var stockColumn: String
        var quantity: String
        /// The line's price, which the server copies from the stocked record.
        var unitPrice: String
        /// The stocked entity's list, its price column and its quantity on hand.
        var stockPath: String
        var price: String?
        var stock: String
    }

    struct Entity: Encodable {
        var name: String
        var plural: String
        var label: String
        var path: String
        var publicRead: Bool
        var writers: [String]
        var columns: [Column]
        /// Present when the records move through transitions instead of being edited or deleted.
        var lifecycle: Lifecycle?
        /// Present on an order placed with its lines from a cart.
        var placement: Placement?
    }

    var title: String
    var palette: Palette
    var identityPrefix: String?
    /// The role that manages accounts (the identity service's administrator).
    var adminRole: String?
    var roles: [String]
    /// The ISO 4217 code money columns are in.
    var currency: String?
    var entities: [Entity]

    init(model: AppModel) {
        title = model.title
        palette = model.palette
        identityPrefix = model.identityService.flatMap { model.service($0)?.apiPrefix }
        roles = model.roles
        currency = model.currency?.code
        adminRole = identityPrefix == nil ? nil : model.administratorRole
        entities = model.dataServices.flatMap { service in
            service.entities.map { entity in
                Entity(
                    name: entity.name,
                    plural: entity.plural,
                    label: entity.label,
                    path: "\(service.apiPrefix)/\(entity.plural)",
                    publicRead: entity.publicRead,
                    // An order's lines are written with their order: no screen writes them.
                    writers: entity.isWritable ? entity.writers : [],
                    columns: entity.inputColumns.map { Self.column($0, in: model) }
                        + entity.columns.filter { $0.isServerOwned && $0.name != AppModel.Claim.keyColumn }.map { column in
                            var shown = Self.column(column, in: model)
                            shown.required = false
                            shown.serverOwned = true
                            return shown
                        },
                    lifecycle: entity.lifecycle.map { lifecycle in
                        Lifecycle(
                            field: lifecycle.field,
                            transitions: lifecycle.transitions.map { transition in
                                Lifecycle.Transition(
                                    name: transition.name,
                                    label: Naming.title(transition.name),
                                    to: transition.to,
                                    from: Dictionary(transition.from.map { ($0.role, $0.states) }, uniquingKeysWith: { first, _ in first })
                                )
                            }
                        )
                    },
                    placement: entity.placement.flatMap { Self.placement($0, in: model) }
                )
            }
        }
    }

    private static func placement(_ placement: AppModel.Placement, in model: AppModel) -> Placement? {
        guard let (other, target) = model.entity(placement.reference), let stock = target.stock else { return nil }
        return Placement(
            lines: placement.linesPlural, orderColumn: placement.orderColumn, linesField: AppModel.Placement.linesField,
            stockColumn: placement.stockColumn, quantity: placement.quantity, unitPrice: placement.unitPrice, stockPath: "\(other.apiPrefix)/\(target.plural)",
            price: stock.price, stock: stock.field
        )
    }

    private static func column(_ column: AppModel.Column, in model: AppModel) -> Column {
        let target = column.references ?? column.external
        let targetService = target.flatMap { model.service($0.service) }
        return Column(
            name: column.name,
            label: Naming.title(column.name.hasSuffix("_id") ? String(column.name.dropLast(3)) : column.name),
            type: column.type.rawValue,
            required: !column.nullable,
            maxLength: column.maxLength,
            minimum: column.minimum,
            maximum: column.maximum,
            values: column.type == .choice ? column.values : nil,
            places: [.decimal, .money].contains(column.type) ? column.decimalPlaces : nil,
            referencePath: target.flatMap { reference in targetService.map { "\($0.apiPrefix)/\(reference.plural)" } },
            referenceLabel: target.map { Naming.title($0.entity) }
        )
    }

    /// The module text: one exported constant, JSON with sorted keys, safe to embed anywhere.
    var javascript: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        // `<` and the line separators are escaped so the data can never close a script element or break a line.
        let safe = Escaping.replacing(json) { scalar in
            switch scalar {
            case "<": "\\u003c"
            case "\u{2028}": "\\u2028"
            case "\u{2029}": "\\u2029"
            default: nil
            }
        }
        return "// Generated by gravity-team from the Blueprint: what this application's screens show.\nexport const schema = \(safe);\n"
    }
}
