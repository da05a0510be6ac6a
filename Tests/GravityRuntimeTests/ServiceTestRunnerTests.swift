import Foundation
import GravityRuntime
import Testing

@Suite("Service test runner")
struct ServiceTestRunnerTests {
    /// An application with one service whose tests partly fail.
    private func brokenApp() throws -> String {
        let directory = try TestData.temporaryDirectory()
        let service = "\(directory)/services/broken"
        try FileManager.default.createDirectory(atPath: "\(service)/tests", withIntermediateDirectories: true)
        try "".write(toFile: "\(service)/requirements.txt", atomically: true, encoding: .utf8)
        try "-r requirements.txt\npytest==9.2.0\n".write(toFile: "\(service)/requirements-test.txt", atomically: true, encoding: .utf8)
        try """
        def test_passes():
            assert 1 + 1 == 2


        def test_fails():
            assert "gravity" == "levity", "the generated code is wrong"

        """.write(toFile: "\(service)/tests/test_example.py", atomically: true, encoding: .utf8)
        return directory
    }

    @Test("a failing test is reported by name with pytest's reason, and counted")
    func failures() async throws {
        let results = try await ServiceTestRunner(appDirectory: try brokenApp()).run()
        let result = try #require(results.first)
        #expect(result.service == "broken")
        #expect(result.passed == 1)
        #expect(result.failed == 1)
        #expect(!result.succeeded)
        #expect(result.failures.first?.hasPrefix("tests/test_example.py::test_fails") == true)
        let error = VerificationError.failed(results)
        #expect(error.description.contains("broken: 1 of 2 failed (tests/test_example.py::test_fails"))
    }

    @Test("pytest's summary line is read whatever it contains")
    func parse() {
        let output = "..F.\nFAILED tests/test_a.py::test_b - AssertionError: x\n1 failed, 3 passed, 1 warning in 0.42s\n"
        let result = ServiceTestRunner.parse(output, service: "s", status: 1, timedOut: false)
        #expect(result.passed == 3)
        #expect(result.failed == 1)
        #expect(result.failures == ["tests/test_a.py::test_b - AssertionError: x"])
        let crashed = ServiceTestRunner.parse("ImportError: no module named app\n", service: "s", status: 4, timedOut: false)
        #expect(crashed.failed == 1)
        #expect(crashed.failures == ["pytest stopped: ImportError: no module named app"])
    }
}
