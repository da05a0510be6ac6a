/// What one workload did against one server: from Locust's summary of the run.
public struct LoadFigures: Sendable, Encodable {
    public var requests: Int
    public var errors: Int
    public var requestsPerSecond: Double
    public var p50Ms: Double
    public var p99Ms: Double
    /// The load generator's own CPU time over the run, in seconds: it shares the machine's cores.
    public var generatorCPUSeconds: Double
    /// In a mix of reads and writes, the writes' own p99: how long a write waits behind the reads.
    public var writesP99Ms: Double?

    enum CodingKeys: String, CodingKey {
        case requests, errors
        case requestsPerSecond = "requests_per_s"
        case p50Ms = "p50_ms"
        case p99Ms = "p99_ms"
        case generatorCPUSeconds = "generator_cpu_s"
        case writesP99Ms = "writes_p99_ms"
    }

    /// The "Aggregated" row of Locust's `<prefix>_stats.csv`.
    static func parse(statsCSV text: String) throws -> LoadFigures {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let total = lines.last(where: { $0.count > 1 && $0[1] == "Aggregated" }) else {
            throw BenchmarkFailure("Locust wrote no Aggregated row")
        }
        func field(_ name: String, of row: [String] = total) throws -> Double {
            guard let index = header.firstIndex(of: name), index < row.count, let value = Double(row[index]) else {
                throw BenchmarkFailure("Locust's summary has no '\(name)'")
            }
            return value
        }
        guard try field("Request Count") > 0 else { throw BenchmarkFailure("no request completed") }
        let writes = lines.first { $0.count > 1 && $0[1] == "create" }
        let mixed = lines.contains { $0.count > 1 && ["list", "get", "search"].contains($0[1]) }
        return LoadFigures(
            requests: Int(try field("Request Count")), errors: Int(try field("Failure Count")), requestsPerSecond: try field("Requests/s"),
            p50Ms: try field("50%"), p99Ms: try field("99%"), generatorCPUSeconds: 0,
            writesP99Ms: try writes.flatMap { mixed ? try field("99%", of: $0) : nil }
        )
    }
}
