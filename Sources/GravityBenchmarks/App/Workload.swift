/// What the load generator asks of one entity's collection: the same for the generated app and the
/// hand-written baseline (bench/app/locustfile.py reads it from GRAVITY_BENCH_* variables).
struct Workload: Sendable {
    /// The collection's path, e.g. /api/catalog/products.
    var path: String
    /// Records 1...maxID exist.
    var maxID: Int
    /// A query string that narrows the list, e.g. status=active.
    var filter: String
    /// Search terms of at least 3 characters.
    var terms: [String]
    /// A record to create from, as JSON, and its fields made unique per request.
    var body: String
    var unique: [String]
    var token: String

    func environment(scenario: String) -> [String: String] {
        [
            "GRAVITY_BENCH_SCENARIO": scenario, "GRAVITY_BENCH_PATH": path, "GRAVITY_BENCH_MAX_ID": String(maxID),
            "GRAVITY_BENCH_FILTER": filter, "GRAVITY_BENCH_TERMS": terms.joined(separator: ","), "GRAVITY_BENCH_BODY": body,
            "GRAVITY_BENCH_UNIQUE": unique.joined(separator: ","), "GRAVITY_BENCH_TOKEN": token,
        ]
    }
}
