import Foundation
import Synchronization

/// How long the machine itself takes a busy thread away: one thread per core reads the clock in a
/// tight loop and records the gaps between reads. A gap is time the thread was not running (the
/// kernel, the hypervisor, another process). It bounds from below the tail latency any code on this
/// machine can show while all cores are busy, so a bus benchmark quotes it alongside its own tail.
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

    public static func measure(seconds: Double = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> MachineStalls {
        let found = Mutex((longest: 0.0, over: 0))
        let done = DispatchGroup()
        for _ in 0..<max(1, threads) {
            done.enter()
            let thread = Thread {
                func now() -> Double { Monotonic.nanoseconds() / 1000 }
                let start = now()
                var last = start
                var longest = 0.0
                var over = 0
                while last - start < seconds * 1e6 {
                    let current = now()
                    let gap = current - last
                    if gap > longest { longest = gap }
                    if gap > 500 { over += 1 }
                    last = current
                }
                found.withLock {
                    $0.longest = max($0.longest, longest)
                    $0.over += over
                }
                done.leave()
            }
            thread.start()
        }
        done.wait()
        let result = found.withLock { $0 }
        return MachineStalls(seconds: seconds, threads: max(1, threads), longestUs: result.longest, over500Us: result.over)
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
