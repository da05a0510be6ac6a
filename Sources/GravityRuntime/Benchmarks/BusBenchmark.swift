import Foundation
import GravityModel

/// Throughput and latency of the message bus: one publisher to one subscriber, or broadcast to
/// many. Latency is from just before `publish` to the subscriber taking the message out of its
/// inbox. Flat out, the publisher outruns the subscribers and latency measures the queue; with a
/// `rate`, the publisher paces itself to that many messages a second, which is how latency is
/// quoted (at a stated load).
public enum BusBenchmark {
    public struct Result: Sendable {
        public var messages: Int
        public var subscribers: Int
        public var seconds: Double
        /// Messages published per second (a broadcast counts once).
        public var messagesPerSecond: Double { Double(messages) / seconds }
        /// Deliveries per second (a broadcast counts once per subscriber).
        public var deliveriesPerSecond: Double { Double(messages * subscribers) / seconds }
        public var p50Microseconds: Double
        public var p99Microseconds: Double
    }

    public static func run(messages: Int, subscribers: Int, rate: Double? = nil) async -> Result {
        let bus = MessageBus()
        var inboxes: [Inbox] = []
        for index in 0..<subscribers { inboxes.append(await bus.subscribe("s\(index)")) }
        let clock = ContinuousClock()
        let origin = clock.now
        let message = BusMessage.phaseEnded(phase: .testing)
        let recipient: Recipient = subscribers == 1 ? .member("s0") : .everyone

        let started = clock.now
        let received = await withTaskGroup(of: [Double].self) { group in
            for inbox in inboxes {
                group.addTask {
                    var arrivals = [Double](repeating: 0, count: messages)
                    var index = 0
                    for await _ in inbox {
                        arrivals[index] = (clock.now - origin).nanoseconds
                        index += 1
                        if index == messages { break }
                    }
                    return arrivals
                }
            }
            var sent = [Double](repeating: 0, count: messages)
            let interval = rate.map { 1e9 / $0 } ?? 0
            let start = (clock.now - origin).nanoseconds
            for index in 0..<messages {
                if interval > 0 {
                    let due = start + Double(index) * interval
                    while (clock.now - origin).nanoseconds < due {}
                }
                sent[index] = (clock.now - origin).nanoseconds
                await bus.publish(message, from: "publisher", to: recipient)
            }
            var all: [[Double]] = []
            for await arrivals in group { all.append(arrivals) }
            return (sent, all)
        }
        let seconds = (clock.now - started).nanoseconds / 1e9
        var latencies: [Double] = []
        latencies.reserveCapacity(messages * subscribers)
        for arrivals in received.1 {
            for index in 0..<messages { latencies.append((arrivals[index] - received.0[index]) / 1000) }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        await bus.close()
        return Result(
            messages: messages,
            subscribers: subscribers,
            seconds: seconds,
            p50Microseconds: percentile(0.5),
            p99Microseconds: percentile(0.99)
        )
    }
}

extension Duration {
    var nanoseconds: Double { Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9 }
}
