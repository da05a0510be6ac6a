import Foundation
import GravityRuntime
import Testing

@Suite("Run history")
struct RunHistoryTests {
    @Test("runs that open a new history at the same moment all find it ready")
    func openedTogether() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/history.sqlite"
        let openers = 8
        let failures = Failures()
        // Threads of their own, released together, each with its own connection: the way separate
        // develop processes meet a history that does not exist yet.
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for _ in 0..<openers {
            done.enter()
            Thread {
                start.wait()
                do {
                    _ = try RunHistory(path: path).runs()
                } catch {
                    failures.add("\(error)")
                }
                done.leave()
            }.start()
        }
        for _ in 0..<openers { start.signal() }
        done.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try RunHistory(path: path).runs().isEmpty)
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
