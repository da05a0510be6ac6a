import Foundation
import GravityRuntime
import Synchronization

/// How long it takes a cache line to go from one core to another and back: two threads of the
/// probe's own hand a counter back and forth. Every delivery of the bus moves lines between the
/// publisher's core and a subscriber's (the inbox, the message's reference count), so its speed
/// follows this figure. On a virtual machine it is the host's doing: it changes when the host
/// places the virtual cores elsewhere (50 ns against 340 ns seen on one 2-core machine, minutes
/// apart), and so does the bus.
public enum CoreRoundTrip {
    private final class Baton: Sendable {
        let value = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
    }

    /// The median of `samples` batches of `trips` round trips, in nanoseconds; nil on one core, or
    /// when the two threads did not get a core each (a batch took over a second).
    public static func measure(trips: Int = 100_000, samples: Int = 5) async -> Double? {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return nil }
        var batches: [Double] = []
        for _ in 0..<samples {
            guard let nanoseconds = await batch(trips: trips) else { return nil }
            batches.append(nanoseconds)
        }
        return Percentile.median(batches)
    }

    private static func batch(trips: Int) async -> Double? {
        let baton = Baton()
        return await withCheckedContinuation { (done: CheckedContinuation<Double?, Never>) in
            Thread {
                for trip in 0..<trips {
                    while baton.value.load(ordering: .acquiring) != 2 * trip + 1 {
                        if baton.stop.load(ordering: .relaxed) { return }
                    }
                    baton.value.store(2 * trip + 2, ordering: .releasing)
                }
            }.start()
            Thread {
                let start = Monotonic.nanoseconds()
                for trip in 0..<trips {
                    // Slow trips add up as surely as one stuck trip: either way, past a second, no figure.
                    if trip & 0x3FF == 0x3FF, Monotonic.nanoseconds() - start > 1e9 {
                        baton.stop.store(true, ordering: .relaxed)
                        done.resume(returning: nil)
                        return
                    }
                    baton.value.store(2 * trip + 1, ordering: .releasing)
                    var spins = 0
                    while baton.value.load(ordering: .acquiring) != 2 * trip + 2 {
                        spins += 1
                        if spins & 0xFFFF == 0, Monotonic.nanoseconds() - start > 1e9 {
                            baton.stop.store(true, ordering: .relaxed)
                            done.resume(returning: nil)
                            return
                        }
                    }
                }
                done.resume(returning: (Monotonic.nanoseconds() - start) / Double(trips))
            }.start()
        }
    }
}
