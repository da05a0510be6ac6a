import Foundation
import GRDB
import GravityGenerators
import GravityModel
import GravitySystem

/// Rows added to an entity's table in bulk, straight into its SQLite file (not as seed data, not
/// through the API): copies of its first seeded row, with every unique column made unique and the
/// first text column given a number of five hex digits, so that a search for three of them finds a
/// few rows among many.
struct BulkLoad {
    var entity: AppModel.Entity
    var databaseFile: String

    struct Result {
        /// The largest id afterwards; ids 1...maxID exist.
        var maxID: Int
        var seconds: Double
        /// The first row, for a record to create from and a filter.
        var seed: Row
    }

    func load(rows: Int) throws -> Result {
        let queue = try DatabaseQueue(path: databaseFile)
        let table = entity.table
        let started = ContinuousClock.now
        return try queue.write { db in
            try db.execute(sql: "PRAGMA busy_timeout = 10000")
            guard let seed = try Row.fetchOne(db, sql: "SELECT * FROM \(quoted(table)) ORDER BY id LIMIT 1") else {
                throw BenchmarkFailure("\(table) has no seeded row to copy; the benchmark needs one")
            }
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(quoted(table))") ?? 0
            let wanted = max(0, rows - existing)
            if wanted > 0 {
                let columns = entity.columns.filter { !$0.primaryKey && !$0.isAudit }
                // A column q= searches, so that the loaded rows' numbers can be searched for.
                let searchable = entity.searchColumns.first { $0.type != .email && !$0.unique }?.name
                let values = columns.map { column -> String in
                    let name = "s.\(quoted(column.name))"
                    if column.unique, [.string, .text, .email].contains(column.type) {
                        // Room for the suffix within the column's length.
                        let keep = max(1, (column.maxLength ?? 64) - 9)
                        return column.type == .email ? "printf('b%x.', n.i) || \(name)" : "substr(\(name), 1, \(keep)) || printf('-%x', n.i)"
                    }
                    if column.unique { return "\(name) + n.i" }
                    if column.name == searchable {
                        let keep = max(1, (column.maxLength ?? 64) - 6)
                        return "substr(\(name), 1, \(keep)) || printf(' %05x', (n.i * 7919) % 1048573)"
                    }
                    return name
                }
                try db.execute(
                    sql: """
                        INSERT INTO \(quoted(table)) (\(columns.map { quoted($0.name) }.joined(separator: ", ")))
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                        SELECT \(values.joined(separator: ", ")) FROM n, (SELECT * FROM \(quoted(table)) WHERE id = ?) AS s
                        """,
                    arguments: [wanted, seed["id"]]
                )
            }
            let maxID = try Int.fetchOne(db, sql: "SELECT max(id) FROM \(quoted(table))") ?? 0
            return Result(maxID: maxID, seconds: (ContinuousClock.now - started).seconds, seed: seed)
        }
    }

    /// A record to create, as JSON: the seed row's input columns, decimals as text (as clients send
    /// money), booleans as booleans.
    func body(from seed: Row) throws -> String {
        var object: [String: Any] = [:]
        for column in entity.inputColumns {
            let value = seed[column.name] as DatabaseValue
            switch value.storage {
            case .null: continue
            case .int64(let number):
                switch column.type {
                case .boolean: object[column.name] = number != 0
                case .decimal, .money: object[column.name] = String(format: "%.\(column.decimalPlaces)f", Double(number))
                default: object[column.name] = number
                }
            case .double(let number):
                object[column.name] = [.decimal, .money].contains(column.type) ? String(format: "%.\(column.decimalPlaces)f", number) : number
            case .string(let text): object[column.name] = text
            case .blob: continue
            }
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A query string that narrows the list: a closed set's value of the seed row, else a reference.
    func filter(from seed: Row) -> String {
        let column = entity.inputColumns.first { !$0.values.isEmpty } ?? entity.inputColumns.first { $0.references != nil }
        guard let column, let value = (seed[column.name] as DatabaseValue?).flatMap({ String.fromDatabaseValue($0) ?? Int64.fromDatabaseValue($0).map(String.init) }) else {
            return ""
        }
        return "\(column.name)=\(value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? value)"
    }

    private func quoted(_ name: String) -> String { "\"\(name)\"" }
}
