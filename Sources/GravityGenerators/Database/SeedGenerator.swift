import Foundation
import GravityModel

/// Realistic seed rows for every service, from the Blueprint's seed hints: values drawn from the
/// hint's lists in order, numbers from its ranges, and plausible values by type for the rest.
/// Rows have explicit ids so that references, within and across services, line up.
struct SeedGenerator {
    let model: AppModel
    /// Per entity and field (safe names), the hint's values to draw from in order.
    private let values: [String: [String: [String]]]
    /// Per entity and reference column (`category_id` for the relation `category`): the hint's row
    /// numbers of the related entity. Kept apart, so a plain field `x_id` never takes `x`'s values.
    private let relationRows: [String: [String: [String]]]
    /// Per entity and numeric column (safe names), the hint's closed range.
    private let ranges: [String: [String: [Double]]]
    /// Rows per entity (by safe name), including entities seeded only because others refer to them.
    let counts: [String: Int]

    init(model: AppModel, hints: [SeedHint]) {
        self.model = model
        var byEntity: [String: SeedHint] = [:]
        for hint in hints where hint.count > 0 { byEntity[SafeIdentifier.make(hint.entity)] = hint }
        // Names are made safe once here, not for every row of every column.
        values = byEntity.mapValues { hint in
            Dictionary(hint.values.map { (SafeIdentifier.make($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        relationRows = byEntity.mapValues { hint in
            Dictionary(hint.values.map { (SafeIdentifier.make($0.key) + "_id", $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        ranges = byEntity.mapValues { hint in
            Dictionary(hint.ranges.map { (SafeIdentifier.make($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        var counts = byEntity.mapValues(\.count)
        let entities = model.dataServices.flatMap(\.entities)
        // An entity with rows needs rows in every entity it must refer to.
        var changed = true
        while changed {
            changed = false
            for entity in entities where (counts[entity.name] ?? 0) > 0 {
                for column in entity.columns where !column.nullable {
                    guard let target = column.references ?? column.external, (counts[target.entity] ?? 0) == 0 else { continue }
                    counts[target.entity] = 5
                    changed = true
                }
            }
        }
        self.counts = counts
    }

    /// The rows of one entity: column name to SQL literal, for ids 1...count.
    func rows(for entity: AppModel.Entity) -> [[(String, SQLLiteral)]] {
        let count = counts[entity.name] ?? 0
        guard count > 0 else { return [] }
        // A placed order's total is the sum of its seeded lines, as if the server had placed it.
        let totals = entity.placement.map(totals) ?? [:]
        // Values the server computes are seeded as if it had (a balance as if its postings had been made).
        let computed = Set([entity.placement?.total, entity.placement?.placedAt, placementPrice(of: entity), entity.balance?.field].compactMap { $0 })
        return (1...count).map { number in
            // Seeded records are in their lifecycle's states already (some orders shipped); who took
            // a transition is left empty, as no account did.
            entity.columns.filter { $0.isInput || $0.name == entity.lifecycle?.field || computed.contains($0.name) }.map { column in
                if column.name == entity.placement?.total {
                    return (column.name, .decimal(NSDecimalNumber(decimal: totals[number] ?? 0).doubleValue, places: column.decimalPlaces))
                }
                return (column.name, value(for: column, of: entity, row: number))
            }
        }
    }

    /// The unit price column of a placement's lines, which the server sets and a seed fills.
    private func placementPrice(of entity: AppModel.Entity) -> String? {
        guard let order = entity.placedWith else { return nil }
        return model.dataServices.flatMap(\.entities).first { $0.name == order }?.placement?.unitPrice
    }

    /// Per order row, the sum of its seeded lines' quantity × unit price, in exact decimals.
    private func totals(_ placement: AppModel.Placement) -> [Int: Decimal] {
        guard let lines = model.dataServices.flatMap(\.entities).first(where: { $0.name == placement.lines }) else { return [:] }
        var totals: [Int: Decimal] = [:]
        for row in rows(for: lines) {
            let values = Dictionary(row, uniquingKeysWith: { first, _ in first })
            guard case .integer(let order) = values[placement.orderColumn], case .integer(let quantity) = values[placement.quantity],
                let price = values[placement.unitPrice].flatMap({ Decimal(string: $0.sql) })
            else { continue }
            totals[order, default: 0] += price * Decimal(quantity)
        }
        return totals
    }

    static let template = CodeTemplate("database/seed.sql.mustache", bytes: PackageResources.seed_sql_mustache)

    /// The seed scripts of a service, one per dialect; the rows are drawn once for all of them.
    func scripts(for service: AppModel.Service) -> [SQLDialect: String] {
        // The rows' SQL is the same in both dialects: written once, used by each script.
        let tables = MigrationGenerator.orderedByReferences(service.entities).compactMap { entity -> [String: TemplateValue]? in
            let rows = rows(for: entity)
            guard let first = rows.first else { return nil }
            return [
                "table": .text(entity.table),
                "columns": .text((["id"] + first.map(\.0)).joined(separator: ", ")),
                "rows": .texts(
                    rows.enumerated().map { index, row in ([String(index + 1)] + row.map(\.1.sql)).joined(separator: ", ") }
                ),
            ]
        }
        var scripts: [SQLDialect: String] = [:]
        for dialect in SQLDialect.allCases {
            scripts[dialect] = Self.template.render([
                "service": .text(service.name),
                "dialect": .text(dialect.rawValue),
                "postgresql": .flag(dialect == .postgresql),
                "tables": .objects(tables),
            ])
        }
        return scripts
    }

    func value(for column: AppModel.Column, of entity: AppModel.Entity, row: Int) -> SQLLiteral {
        if let target = column.references ?? column.external {
            let available = counts[target.entity] ?? 0
            guard available > 0 else { return .null }
            // The hint may say which related row each row belongs to (a product's category); the
            // industry file is checked for that, but a model's Blueprint may not be, so a row
            // number out of range falls back to spreading the rows evenly.
            if let chosen = relationRows[entity.name]?[column.name], !chosen.isEmpty, let number = Int(chosen[(row - 1) % chosen.count]), (1...available).contains(number) {
                return .integer(number)
            }
            return .integer((row - 1) % available + 1)
        }
        if let values = values[entity.name]?[column.name], !values.isEmpty {
            let base = values[(row - 1) % values.count]
            let text = column.unique && row > values.count ? "\(base) \(row)" : base
            return literal(text, for: column)
        }
        if let range = ranges[entity.name]?[column.name], range.count == 2 {
            let fraction = Double(Self.mix(entity.name, column.name, row) % 10_000) / 10_000
            let number = range[0] + (range[1] - range[0]) * fraction
            return column.type == .integer ? .integer(Int(number.rounded())) : .decimal(number, places: column.decimalPlaces)
        }
        return typical(column, entity: entity, row: row)
    }

    private func literal(_ text: String, for column: AppModel.Column) -> SQLLiteral {
        switch column.type {
        case .integer: Int(text).map(SQLLiteral.integer) ?? .integer(0)
        case .decimal, .money: .decimal(Double(text) ?? 0, places: column.decimalPlaces)
        case .boolean: .boolean(["true", "yes", "1"].contains(text.lowercased()))
        default: .text(column.maxLength.map { String(text.prefix($0)) } ?? text)
        }
    }

    private func typical(_ column: AppModel.Column, entity: AppModel.Entity, row: Int) -> SQLLiteral {
        let minimum = column.minimum ?? 0
        switch column.type {
        case .string:
            return .text(
                String("\(Naming.title(entity.name)) \(Naming.title(column.name).lowercased()) \(row)".prefix(column.maxLength ?? 255))
            )
        case .text: return .text("\(Naming.title(entity.name)) \(row): sample \(Naming.underscores(in: column.name, replacedBy: " ")).")
        case .email: return .text("\(Naming.underscores(in: entity.name, replacedBy: "."))\(row)@example.com")
        case .integer: return .integer(min(Int(minimum) + row, column.maximum ?? Int.max))
        case .decimal, .money: return .decimal(minimum + Double(Self.mix(entity.name, column.name, row) % 50_000) / 100, places: column.decimalPlaces)
        case .boolean: return .boolean(row % 2 == 1)
        case .date: return .text(String(format: "2026-%02d-%02d", (row - 1) % 12 + 1, (row * 7) % 28 + 1))
        case .datetime:
            return .text(
                String(format: "2026-%02d-%02d %02d:%02d:00", (row - 1) % 12 + 1, (row * 7) % 28 + 1, 8 + row % 10, (row * 13) % 60)
            )
        case .choice: return .text(column.values.isEmpty ? "" : column.values[(row - 1) % column.values.count])
        }
    }

    /// A deterministic spread of numbers for a row of a column.
    static func mix(_ entity: String, _ column: String, _ row: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(entity).\(column).\(row)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// A value in a seed script.
enum SQLLiteral: Equatable {
    case null
    case integer(Int)
    case decimal(Double, places: Int)
    case boolean(Bool)
    case text(String)

    /// The literal as SQL; SQLite and PostgreSQL read these alike (TRUE and FALSE, quotes doubled).
    var sql: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .decimal(let value, let places): String(format: "%.\(places)f", value)
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .text(let value): SQLDialect.literal(value)
        }
    }
}
