import Foundation
import GravitySystem

/// The result of one service's own tests.
public struct ServiceTestResult: Codable, Sendable, Hashable {
    public var service: String
    public var passed: Int
    public var failed: Int
    /// Failing tests (`tests/test_x.py::test_y`), with pytest's one-line reason.
    public var failures: [String]
    /// The share of the service's code the tests ran, in percent, where its tests measure it.
    public var coverage: Double?
    /// The least coverage the service's tests must reach, where the team set one.
    public var coverageTarget: Int?

    public init(service: String, passed: Int, failed: Int, failures: [String], coverage: Double? = nil, coverageTarget: Int? = nil) {
        self.service = service
        self.passed = passed
        self.failed = failed
        self.failures = failures
        self.coverage = coverage
        self.coverageTarget = coverageTarget
    }

    /// Whether the coverage reached its target (true where there is none).
    public var coverageReached: Bool {
        guard let coverageTarget else { return true }
        return (coverage ?? 0) >= Double(coverageTarget)
    }

    public var succeeded: Bool { failed == 0 && passed > 0 && coverageReached }

    /// The result as the commands print it: a line for the service, then one per failing test.
    public var reportLines: [String] {
        var line = "  \(service): \(passed) passed" + (failed > 0 ? ", \(failed) FAILED" : "")
        if let coverage {
            line += String(format: ", coverage %.1f%%", coverage)
            if let coverageTarget { line += coverageReached ? " (at least \(coverageTarget)%)" : " UNDER the \(coverageTarget)% the team set" }
        }
        return [line] + failures.map { "    FAILED \($0)" }
    }
}

/// Runs every generated service's pytest suite in a shared, cached virtual environment.
public struct ServiceTestRunner: Sendable {
    public let appDirectory: String
    public let cacheRoot: String

    public init(appDirectory: String, cacheRoot: String = PythonEnvironment.cacheRoot()) {
        self.appDirectory = appDirectory
        self.cacheRoot = cacheRoot
    }

    /// The services (directories under services/ with tests), sorted.
    public func services() -> [String] {
        let root = "\(appDirectory)/services"
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/tests") }
            .sorted()
    }

    /// Prepares the environment and runs each service's tests, two at a time.
    public func run() async throws -> [ServiceTestResult] {
        let names = services()
        guard let first = names.first else { return [] }
        let requirements = try requirementsText(of: first)
        for name in names.dropFirst() where try requirementsText(of: name) != requirements {
            throw VerificationError.environment("services \(first) and \(name) pin different requirements")
        }
        let environment: PythonEnvironment
        do {
            environment = try await PythonEnvironment.prepare(requirements: requirements, cacheRoot: cacheRoot)
        } catch let unavailable as PythonEnvironment.Unavailable {
            throw VerificationError.unavailable(unavailable)
        }
        return try await withThrowingTaskGroup(of: ServiceTestResult.self) { group in
            var pending = names[...]
            var results: [ServiceTestResult] = []
            for _ in 0..<min(2, pending.count) {
                let name = pending.removeFirst()
                group.addTask { try await test(name, python: environment.python) }
            }
            while let result = try await group.next() {
                results.append(result)
                if let name = pending.popFirst() { group.addTask { try await test(name, python: environment.python) } }
            }
            return results.sorted { $0.service < $1.service }
        }
    }

    private func requirementsText(of service: String) throws -> String {
        let base = "\(appDirectory)/services/\(service)"
        let test = (try? String(contentsOfFile: "\(base)/requirements-test.txt", encoding: .utf8)) ?? ""
        let main = (try? String(contentsOfFile: "\(base)/requirements.txt", encoding: .utf8)) ?? ""
        return main + test.split(separator: "\n").filter { !$0.hasPrefix("-r ") }.joined(separator: "\n") + "\n"
    }

    private func test(_ service: String, python: String) async throws -> ServiceTestResult {
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        // Coverage data (where the team set a target) goes to a scratch file, not into the output
        // directory, which holds only what the generators wrote.
        let coverageFile = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-coverage-\(UUID().uuidString)").path
        environment["COVERAGE_FILE"] = coverageFile
        defer { try? FileManager.default.removeItem(atPath: coverageFile) }
        let outcome = try await ProcessRunner.run(
            python,
            // pytest.ini's addopts stay: they are quiet output, and coverage where the team set a target.
            ["-m", "pytest", "-rf", "-p", "no:cacheprovider"],
            in: "\(appDirectory)/services/\(service)",
            environment: environment,
            timeout: .seconds(600)
        )
        return Self.parse(outcome.output, service: service, status: outcome.status, timedOut: outcome.timedOut)
    }

    /// Reads pytest's summary (`3 failed, 40 passed in 2.1s`) and its `FAILED` lines.
    public static func parse(_ output: String, service: String, status: Int32, timedOut: Bool) -> ServiceTestResult {
        func count(_ word: String) -> Int {
            guard let range = output.range(of: #"(\d+) \#(word)"#, options: [.regularExpression, .backwards]) else { return 0 }
            return Int(output[range].split(separator: " ")[0]) ?? 0
        }
        let failures = output.split(separator: "\n").filter { $0.hasPrefix("FAILED ") || $0.hasPrefix("ERROR ") }
            .map { String($0.drop { $0 != " " }.dropFirst()) }
        var failed = count("failed") + count("error")
        if timedOut { failed = max(failed, 1) }
        var reported = failures
        let (coverage, target) = Self.coverage(in: output)
        let coverageFailed = target.map { (coverage ?? 0) < Double($0) } ?? false
        if status != 0 && failed == 0 && !coverageFailed {
            failed = 1
            reported = [timedOut ? "the tests did not finish in time" : "pytest stopped: \(output.lastLine)"]
        }
        return ServiceTestResult(
            service: service, passed: count("passed"), failed: failed, failures: reported, coverage: coverage, coverageTarget: target
        )
    }

    /// pytest-cov's total (`TOTAL  812  64  92%`, or with --cov-fail-under `Total coverage: 92.12%`)
    /// and the target it was held to (`Required test coverage of 80% reached`).
    static func coverage(in output: String) -> (coverage: Double?, target: Int?) {
        func match(_ pattern: String) -> [Substring]? {
            guard let range = output.range(of: pattern, options: [.regularExpression, .backwards]) else { return nil }
            return output[range].split(whereSeparator: { " %\t".contains($0) })
        }
        let target = match(#"Required test coverage of \d+%"#).flatMap { $0.last.flatMap { Int($0) } }
        let total = match(#"Total coverage: [0-9.]+%"#).flatMap { $0.last.flatMap { Double($0) } }
            ?? match(#"(?m)^TOTAL\s.*\s\d+%$"#).flatMap { $0.last.flatMap { Double($0) } }
        return (total, target)
    }
}

/// What can go wrong verifying a generated application.
public enum VerificationError: Error, CustomStringConvertible, Equatable {
    case environment(String)

    /// Verification needs what this machine lacks; `develop` can go on without it.
    public static func unavailable(_ problem: PythonEnvironment.Unavailable) -> VerificationError {
        .environment(problem.missingTool ? "\(problem) or pass --no-verify" : problem.description)
    }
    case failed([ServiceTestResult])

    public var description: String {
        switch self {
        case .environment(let problem):
            return "cannot run the generated tests: \(problem)"
        case .failed(let results):
            let failing = results.filter { !$0.succeeded }
            return "the generated tests failed: "
                + failing.map { result in
                    if result.failed == 0, let target = result.coverageTarget {
                        return String(format: "%@: coverage %.1f%% is under the %d%% the team set", result.service, result.coverage ?? 0, target)
                    }
                    return "\(result.service): \(result.failed) of \(result.passed + result.failed) failed (\(result.failures.prefix(3).joined(separator: "; ")))"
                }
                .joined(separator: "; ")
        }
    }
}
