import Foundation
import GravityModel

/// Throughput and latency of the message bus: one publisher to one subscriber, or broadcast to
/// many.
///
/// Flat out (no `rate`), the publisher goes as fast as it can and the figure that counts is
/// throughput, from the first publish until every subscriber has taken every message. Latency is
/// quoted at a stated load instead: with a `rate`, message `i` is due at `i / rate` seconds, the
/// publisher sends whatever is due and otherwise yields its thread to the subscribers, and each
/// latency runs from the message's due time (not the moment it was sent) to the subscriber taking it
/// out of its inbox. A publisher that falls behind therefore shows in the latency instead of hiding it.
public enum BusBenchmark {
    public struct Result: Sendable {
        public var messages: Int
        public var subscribers: Int
        public var seconds: Double
        /// The offered load in messages a second, or nil flat out.
        public var rate: Double?
        /// Messages published per second (a broadcast counts once).
        public var messagesPerSecond: Double { Double(messages) / seconds }
        /// Deliveries per second (a broadcast counts once per subscriber).
        public var deliveriesPerSecond: Double { Double(messages * subscribers) / seconds }
        public var p50Microseconds: Double
        public var p99Microseconds: Double
        public var p999Microseconds: Double
        public var maxMicroseconds: Double
    }

    public static func run(messages: Int, subscribers: Int, rate: Double? = nil) async -> Result {
        let bus = MessageBus()
        var inboxes: [Inbox] = []
        for index in 0..<subscribers { inboxes.append(await bus.subscribe("s\(index)")) }
        let message = BusMessage.phaseEnded(phase: .testing)
        let recipient: Recipient = subscribers == 1 ? .member("s0") : .everyone

        let started = Monotonic.nanoseconds()
        let (due, arrivals) = await withTaskGroup(of: [Double].self) { group in
            for inbox in inboxes {
                group.addTask {
                    var arrivals = [Double](repeating: 0, count: messages)
                    var index = 0
                    for await _ in inbox {
                        arrivals[index] = Monotonic.nanoseconds()
                        index += 1
                        if index == messages { break }
                    }
                    return arrivals
                }
            }
            var due = [Double](repeating: 0, count: messages)
            let start = Monotonic.nanoseconds()
            var index = 0
            if let rate {
                let interval = 1e9 / rate
                while index < messages {
                    let dueNow = min(messages, Int((Monotonic.nanoseconds() - start) / interval) + 1)
                    if index == dueNow {
                        await Task.yield()
                        continue
                    }
                    while index < dueNow {
                        due[index] = start + Double(index) * interval
                        await bus.publish(message, from: "publisher", to: recipient)
                        index += 1
                    }
                }
            } else {
                while index < messages {
                    due[index] = Monotonic.nanoseconds()
                    await bus.publish(message, from: "publisher", to: recipient)
                    index += 1
                }
            }
            var all: [[Double]] = []
            for await arrivals in group { all.append(arrivals) }
            return (due, all)
        }
        let seconds = (Monotonic.nanoseconds() - started) / 1e9
        await bus.close()

        var latencies: [Double] = []
        latencies.reserveCapacity(messages * subscribers)
        for received in arrivals {
            for index in 0..<messages { latencies.append((received[index] - due[index]) / 1000) }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        return Result(
            messages: messages,
            subscribers: subscribers,
            seconds: seconds,
            rate: rate,
            p50Microseconds: percentile(0.5),
            p99Microseconds: percentile(0.99),
            p999Microseconds: percentile(0.999),
            maxMicroseconds: latencies.last ?? 0
        )
    }
}

/// The monotonic clock read directly: a benchmark reads it for every delivery, and `ContinuousClock`
/// adds 128-bit arithmetic to each reading that would be counted against the bus.
enum Monotonic {
    static func nanoseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1e9 + Double(now.tv_nsec)
    }
}
