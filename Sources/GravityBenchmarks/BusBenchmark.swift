import Foundation
import GravityRuntime
import GravityModel

/// Throughput and latency of the message bus: one publisher to one subscriber, or broadcast to
/// many.
///
/// Flat out (no `rate`), the publisher goes as fast as it can and only throughput is measured, from
/// the first publish until every subscriber has taken every message; nothing else is timed, so the
/// figure is the bus's alone. Latency is quoted at a stated load instead: with a `rate`, message `i`
/// is due at `i / rate` seconds, the publisher sends whatever is due and otherwise yields its thread
/// to the subscribers before reading the clock again, and each latency runs from the message's due
/// time (not the moment it was sent) to the subscriber taking it out of its inbox. A publisher that
/// falls behind therefore shows in the latency instead of hiding it.
public enum BusBenchmark {
    public struct Result: Sendable {
        public var messages: Int
        public var subscribers: Int
        public var seconds: Double
        /// Messages published per second (a broadcast counts once).
        public var messagesPerSecond: Double { Double(messages) / seconds }
        /// Deliveries per second (a broadcast counts once per subscriber).
        public var deliveriesPerSecond: Double { Double(messages * subscribers) / seconds }
        /// Measured at a stated load only.
        public var latency: Latency?
    }

    public struct Latency: Sendable {
        /// The offered load, messages a second.
        public var rate: Double
        public var p50Microseconds: Double
        public var p99Microseconds: Double
        public var p999Microseconds: Double
        public var maxMicroseconds: Double
        /// The longest time between two of the publisher's clock readings: when it is far above the
        /// interval between messages, the publisher's thread was not running (taken by the machine,
        /// or busy with subscribers), and every message due meanwhile is late by up to that much.
        public var publisherPauseMicroseconds: Double
    }

    public static func run(messages: Int, subscribers: Int, rate: Double? = nil) async -> Result {
        let bus = MessageBus()
        var inboxes: [Inbox] = []
        for index in 0..<subscribers { inboxes.append(await bus.subscribe("s\(index)")) }
        let message = BusMessage.phaseEnded(phase: .testing)
        let recipient: Recipient = subscribers == 1 ? .member("s0") : .everyone
        let timed = rate != nil

        let started = Monotonic.nanoseconds()
        let (due, pause, arrivals) = await withTaskGroup(of: [Double].self) { group in
            for inbox in inboxes {
                group.addTask {
                    var arrivals = [Double](repeating: 0, count: timed ? messages : 0)
                    var index = 0
                    for await _ in inbox {
                        if timed { arrivals[index] = Monotonic.nanoseconds() }
                        index += 1
                        if index == messages { break }
                    }
                    return arrivals
                }
            }
            var due = [Double](repeating: 0, count: timed ? messages : 0)
            var pause = 0.0
            var index = 0
            if let rate {
                let interval = 1e9 / rate
                let start = Monotonic.nanoseconds()
                var previous = start
                while index < messages {
                    let now = Monotonic.nanoseconds()
                    pause = max(pause, now - previous)
                    previous = now
                    let dueNow = min(messages, Int((now - start) / interval) + 1)
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
                    await bus.publish(message, from: "publisher", to: recipient)
                    index += 1
                }
            }
            var all: [[Double]] = []
            for await arrivals in group { all.append(arrivals) }
            return (due, pause, all)
        }
        let seconds = (Monotonic.nanoseconds() - started) / 1e9
        await bus.close()
        guard let rate else { return Result(messages: messages, subscribers: subscribers, seconds: seconds) }

        var latencies: [Double] = []
        latencies.reserveCapacity(messages * subscribers)
        for received in arrivals {
            for index in 0..<messages { latencies.append((received[index] - due[index]) / 1000) }
        }
        latencies.sort()
        return Result(
            messages: messages,
            subscribers: subscribers,
            seconds: seconds,
            latency: Latency(
                rate: rate,
                p50Microseconds: Percentile.nearestRank(0.5, of: latencies),
                p99Microseconds: Percentile.nearestRank(0.99, of: latencies),
                p999Microseconds: Percentile.nearestRank(0.999, of: latencies),
                maxMicroseconds: latencies.last ?? 0,
                publisherPauseMicroseconds: pause / 1000
            )
        )
    }
}

/// Percentiles and medians of measurements.
public enum Percentile {
    /// The smallest value with at least a fraction `p` of `sorted` at or below it.
    public static func nearestRank(_ p: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((Double(sorted.count) * p).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    /// The middle value, or the mean of the two middle values of an even count.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
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
