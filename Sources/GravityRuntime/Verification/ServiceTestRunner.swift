import Foundation

/// The result of one service's own tests.
public struct ServiceTestResult: Codable, Sendable, Hashable {
    public var service: String
    public var passed: Int
    public var failed: Int
    /// Failing tests (`tests/test_x.py::test_y`), with pytest's one-line reason.
    public var failures: [String]

    public var succeeded: Bool { failed == 0 && passed > 0 }

    /// The result as the commands print it: a line for the service, then one per failing test.
    public var reportLines: [String] {
        ["  \(service): \(passed) passed" + (failed > 0 ? ", \(failed) FAILED" : "")] + failures.map { "    FAILED \($0)" }
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
        let environment = try await PythonEnvironment.prepare(requirements: requirements, cacheRoot: cacheRoot)
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
        let outcome = try await ProcessRunner.run(
            python,
            ["-m", "pytest", "-o", "addopts=", "-q", "-rf", "-p", "no:cacheprovider"],
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
        if status != 0 && failed == 0 {
            failed = 1
            reported = [timedOut ? "the tests did not finish in time" : "pytest stopped: \(output.lastLine)"]
        }
        return ServiceTestResult(service: service, passed: count("passed"), failed: failed, failures: reported)
    }
}

/// What can go wrong verifying a generated application.
public enum VerificationError: Error, CustomStringConvertible, Equatable {
    case environment(String)
    case failed([ServiceTestResult])

    public var description: String {
        switch self {
        case .environment(let problem):
            return "cannot run the generated tests: \(problem)"
        case .failed(let results):
            let failing = results.filter { !$0.succeeded }
            return "the generated tests failed: "
                + failing.map {
                    "\($0.service): \($0.failed) of \($0.passed + $0.failed) failed (\($0.failures.prefix(3).joined(separator: "; ")))"
                }
                .joined(separator: "; ")
        }
    }
}
