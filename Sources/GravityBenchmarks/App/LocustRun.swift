import Foundation
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// One headless Locust run of one scenario against one server, with its summary and its own CPU time.
struct LocustRun {
    /// The `locust` program of the benchmark's virtual environment.
    var locust: String
    var locustfile: String
    var clients: Int
    var seconds: Int
    var scratch: String

    func run(scenario: String, host: String, workload: Workload, label: String) async throws -> LoadFigures {
        let prefix = "\(scratch)/\(label)-\(scenario)"
        var environment = ProcessInfo.processInfo.environment
        environment.merge(workload.environment(scenario: scenario)) { _, new in new }
        let before = Self.childrenCPUSeconds()
        let status = try await ProcessControl.run(
            locust,
            [
                "-f", locustfile, "--headless", "--users", String(clients), "--spawn-rate", String(clients), "--run-time", "\(seconds)s",
                "--host", host, "--csv", prefix, "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5",
            ],
            environment: environment,
            directory: scratch,
            logFile: "\(prefix).log",
            timeout: .seconds(seconds + 120)
        )
        // Locust exits 1 when a request failed; the failures are counted in its summary.
        guard let status, status == 0 || status == 1 else {
            let last = LogFile.tail("\(prefix).log", lines: 3).joined(separator: " | ")
            throw BenchmarkFailure("locust (\(scenario) against \(host)) ended with status \(status.map(String.init) ?? "none (stopped)"): \(last)")
        }
        guard let text = try? String(contentsOfFile: "\(prefix)_stats.csv", encoding: .utf8) else {
            let last = LogFile.tail("\(prefix).log", lines: 3).joined(separator: " | ")
            throw BenchmarkFailure("locust (\(scenario) against \(host)) wrote no summary: \(last)")
        }
        var figures: LoadFigures
        do {
            figures = try LoadFigures.parse(statsCSV: text)
        } catch let failure as BenchmarkFailure {
            throw BenchmarkFailure("locust (\(scenario) against \(host), \(seconds) s): \(failure); give it more --seconds")
        }
        figures.generatorCPUSeconds = Self.childrenCPUSeconds() - before
        return figures
    }

    /// CPU time of this process's ended and reaped children, in seconds: what a run of Locust took.
    private static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
