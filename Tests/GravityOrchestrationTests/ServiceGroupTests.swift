@testable import GravityOrchestration
import Synchronization
import Testing

/// What the units of a fake deployment did, in order.
private final class Ledger: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A unit that notes when its watch starts and ends, and when it is stopped.
private actor FakeUnit: SupervisedUnit {
    nonisolated let name: String
    let ledger: Ledger

    init(_ name: String, _ ledger: Ledger) {
        self.name = name
        self.ledger = ledger
    }

    func run() async {
        ledger.add("watch \(name)")
        await watching(every: .milliseconds(5)) {}
        ledger.add("end \(name)")
    }

    func stop(announce: Bool) async { ledger.add("stop \(name)\(announce ? "" : " quietly")") }
}

@Suite("Service group")
struct ServiceGroupTests {
    @Test("every unit is watched at once until the group's task is cancelled; then they stop, the last started first")
    func runAndStop() async throws {
        let ledger = Ledger()
        let group = ServiceGroup(units: ["postgresql", "catalog", "orders", "gateway"].map { FakeUnit($0, ledger) })
        let running = Task { await group.run() }
        // All four watch together: none waits for another to end.
        for _ in 0..<400 where ledger.all.filter({ $0.hasPrefix("watch") }).count < 4 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(ledger.all.filter { $0.hasPrefix("watch") }.count == 4)
        #expect(!ledger.all.contains { $0.hasPrefix("end") }, "a unit's watch ends only when cancelled")
        running.cancel()
        await running.value
        #expect(Set(ledger.all.filter { $0.hasPrefix("end") }) == ["end postgresql", "end catalog", "end orders", "end gateway"])
        await group.stop(announce: true)
        #expect(Array(ledger.all.suffix(4)) == ["stop gateway", "stop orders", "stop catalog", "stop postgresql"])
        await ServiceGroup(units: [FakeUnit("catalog", ledger)]).stop(announce: false)
        #expect(ledger.all.last == "stop catalog quietly", "a failed deploy is undone without stop events")
    }
}
