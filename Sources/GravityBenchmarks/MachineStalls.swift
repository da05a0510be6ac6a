import Foundation
import GravityRuntime
import Synchronization

/// How long the machine itself takes a busy thread away: one thread per core reads the clock in a
/// tight loop and records the gaps between reads. A gap is time the thread was not running (the
/// kernel, the hypervisor, another process). Measured beside a latency benchmark (not during it), it
/// says how often the machine does this while all its cores are busy, which is what a tail in the
/// milliseconds on a benchmark that needs microseconds should be compared with.
public struct MachineStalls: Sendable, Codable {
    public var seconds: Double
    public var threads: Int
    /// The longest gap any thread saw, in microseconds.
    public var longestUs: Double
    /// Gaps of more than 500 µs, over all threads.
    public var over500Us: Int

    enum CodingKeys: String, CodingKey {
        case seconds, threads
        case longestUs = "longest_us"
        case over500Us = "over_500_us"
    }

    /// Runs the probe on threads of its own, so no thread of Swift's pool is blocked meanwhile.
    public static func measure(
        seconds: Double = 1,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async -> MachineStalls {
        let count = max(1, threads)
        let found = Mutex((longest: 0.0, over: 0, running: count))
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            for _ in 0..<count {
                Thread {
                    let (longest, over) = probe(seconds: seconds)
                    let last = found.withLock {
                        $0.longest = max($0.longest, longest)
                        $0.over += over
                        $0.running -= 1
                        return $0.running == 0
                    }
                    if last { done.resume() }
                }.start()
            }
        }
        let result = found.withLock { $0 }
        return MachineStalls(seconds: seconds, threads: count, longestUs: result.longest, over500Us: result.over)
    }

    /// The longest gap between clock readings, and the number over 500 µs, in `seconds` of reading.
    private static func probe(seconds: Double) -> (longest: Double, over: Int) {
        let start = Monotonic.nanoseconds() / 1000
        var last = start
        var longest = 0.0
        var over = 0
        while last - start < seconds * 1e6 {
            let now = Monotonic.nanoseconds() / 1000
            let gap = now - last
            if gap > longest { longest = gap }
            if gap > 500 { over += 1 }
            last = now
        }
        return (longest, over)
    }

    /// Several measurements as one: their total time and gaps, and the longest gap of all.
    public static func combined(_ all: [MachineStalls]) -> MachineStalls {
        MachineStalls(
            seconds: all.reduce(0) { $0 + $1.seconds },
            threads: all.first?.threads ?? 0,
            longestUs: all.map(\.longestUs).max() ?? 0,
            over500Us: all.reduce(0) { $0 + $1.over500Us }
        )
    }
}
