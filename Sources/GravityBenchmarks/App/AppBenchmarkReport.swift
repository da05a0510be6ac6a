import Foundation

/// The figures of `gravity-team bench app`: each workload against the generated app, through its
/// gateway, and against the hand-written baseline, in one run.
public struct AppBenchmarkReport: Sendable, Encodable {
    public struct Scenario: Sendable, Encodable {
        public var name: String
        public var generated: LoadFigures
        public var baseline: LoadFigures?
        /// The generated app's requests/s over the baseline's.
        public var ratio: Double? { baseline.map { generated.requestsPerSecond / max($0.requestsPerSecond, 0.001) } }

        enum CodingKeys: String, CodingKey { case name, generated, baseline, ratio }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(generated, forKey: .generated)
            try container.encodeIfPresent(baseline, forKey: .baseline)
            try container.encodeIfPresent(ratio, forKey: .ratio)
        }
    }

    public var machine: MachineDescription
    public var industry: String
    /// The collection loaded and driven, e.g. /api/catalog/products.
    public var path: String
    public var rows: Int
    public var loadSeconds: Double
    public var clients: Int
    public var seconds: Int
    /// Why there is no baseline, when there is none.
    public var baselineNote: String?
    public var scenarios: [Scenario]
    /// Each service's resident memory before the workloads and after them.
    public var memory: [ServiceMemory]

    enum CodingKeys: String, CodingKey {
        case machine, industry, path, rows, clients, seconds, scenarios, memory
        case loadSeconds = "load_s"
        case baselineNote = "baseline_note"
    }

    /// The report as Markdown, for the terminal and docs/benchmarks.md.
    public var table: String {
        var lines = [
            "Machine: \(machine.cores) cores, \(machine.memoryBytes / 1_073_741_824) GiB, \(machine.processor), \(machine.system), \(machine.date)",
            "\(industry): \(path), \(rows) rows (loaded in \(String(format: "%.2f", loadSeconds)) s), \(clients) clients, \(seconds) s per workload",
            "",
            "| workload | generated req/s | p50 | p99 | errors | baseline req/s | p50 | p99 | errors | ratio | load generator CPU |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for scenario in scenarios {
            let generated = scenario.generated
            let baseline = scenario.baseline
            func ms(_ value: Double?) -> String { value.map { String(format: "%.0f ms", $0) } ?? "-" }
            func rate(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }
            let cpu = generated.generatorCPUSeconds / Double(max(seconds, 1))
            lines.append(
                "| \(scenario.name) | \(rate(generated.requestsPerSecond)) | \(ms(generated.p50Ms)) | \(ms(generated.p99Ms)) | \(generated.errors) | "
                    + "\(rate(baseline?.requestsPerSecond)) | \(ms(baseline?.p50Ms)) | \(ms(baseline?.p99Ms)) | \(baseline.map { String($0.errors) } ?? "-") | "
                    + "\(scenario.ratio.map { String(format: "%.2fx", $0) } ?? "-") | \(String(format: "%.0f %%", cpu * 100)) of a core |"
            )
        }
        for scenario in scenarios {
            guard let writes = scenario.generated.writesP99Ms else { continue }
            let other = scenario.baseline?.writesP99Ms.map { String(format: ", baseline %.0f ms", $0) } ?? ""
            lines += ["", "\(scenario.name): the writes' own p99 during the reads: generated \(String(format: "%.0f ms", writes))\(other)"]
        }
        if !memory.isEmpty {
            lines += ["", "| service | processes | resident when idle | after the workloads | ratio |", "|---|---|---|---|---|"]
            for service in memory {
                func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
                lines.append(
                    "| \(service.service) | \(service.processes) | \(mib(service.idleBytes)) | \(mib(service.afterBytes)) | \(String(format: "%.2fx", service.ratio)) |"
                )
            }
        }
        if let baselineNote { lines += ["", "No baseline: \(baselineNote)"] }
        return lines.joined(separator: "\n")
    }
}
