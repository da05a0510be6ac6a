import GravityModel
import GravityRuntime
import Testing

@Suite("Message bus")
struct MessageBusTests {
    @Test("direct, group and broadcast messages reach exactly their recipients, in order")
    func addressing() async throws {
        let observer = RecordingObserver()
        let bus = MessageBus(observers: [observer])
        let a = await bus.subscribe("a")
        let b = await bus.subscribe("b")
        let c = await bus.subscribe("c")
        await bus.publish(.phaseEnded(phase: .requirements), from: "a", to: .everyone)
        await bus.publish(.phaseEnded(phase: .architecture), from: "x", to: .member("b"))
        await bus.publish(.phaseEnded(phase: .database), from: "x", to: .group(["a", "c"]))
        await bus.publish(.phaseEnded(phase: .frontend), from: "x", to: .everyone)
        await bus.close()

        func phases(_ inbox: Inbox) async -> [Phase] {
            var result: [Phase] = []
            for await envelope in inbox {
                if case .phaseEnded(let phase) = envelope.message { result.append(phase) }
            }
            return result
        }
        #expect(await phases(a) == [.database, .frontend])  // a does not hear its own broadcast
        #expect(await phases(b) == [.requirements, .architecture, .frontend])
        #expect(await phases(c) == [.requirements, .database, .frontend])
        #expect(observer.seen.map(\.sequence) == [1, 2, 3, 4])
    }

    @Test("messages from many concurrent publishers arrive in sequence order")
    func concurrentPublishers() async throws {
        let bus = MessageBus()
        let inbox = await bus.subscribe("sink")
        await withTaskGroup(of: Void.self) { group in
            for sender in 0..<8 {
                group.addTask {
                    for _ in 0..<100 { await bus.publish(.phaseEnded(phase: .testing), from: "s\(sender)", to: .member("sink")) }
                }
            }
        }
        await bus.close()
        var sequences: [Int] = []
        for await envelope in inbox { sequences.append(envelope.sequence) }
        #expect(sequences == Array(1...800))
    }

    @Test(
        "subscribers reading while a broadcast stream is published each get all of it, in order",
        // A lost wake-up would hang the readers forever; the limit turns that into a failure. Alone the
        // test takes 50 ms, but in the full suite on two cores it shares them with every other test:
        // 31-63 s in nine full runs (2026-11-29), one of which passed the one-minute limit. Five minutes
        // still catches a hang.
        .timeLimit(.minutes(5))
    )
    func readersDuringBroadcast() async throws {
        let bus = MessageBus()
        var inboxes: [Inbox] = []
        for index in 0..<14 { inboxes.append(await bus.subscribe("p\(index)")) }
        let received = await withTaskGroup(of: [Int].self) { group in
            for inbox in inboxes {
                group.addTask {
                    var sequences: [Int] = []
                    // Reading one at a time with yields makes the reader wait, take small batches and
                    // hand its emptied buffer back while the publisher keeps appending.
                    for await envelope in inbox {
                        sequences.append(envelope.sequence)
                        if sequences.count % 7 == 0 { await Task.yield() }
                    }
                    return sequences
                }
            }
            for index in 0..<5_000 {
                await bus.publish(.phaseEnded(phase: .testing), from: "moderator")
                if index % 64 == 0 { await Task.yield() }
            }
            await bus.close()
            var all: [[Int]] = []
            for await sequences in group { all.append(sequences) }
            return all
        }
        #expect(received.count == 14)
        for sequences in received { #expect(sequences == Array(1...5_000)) }
    }
}

@Suite("Concurrency limiter")
struct ConcurrencyLimiterTests {
    @Test("never lets more than the limit run at once, and does reach it", arguments: [1, 2, 14])
    func bound(limit: Int) async {
        let limiter = ConcurrencyLimiter(limit: limit)
        // The first `limit` to get in wait for each other, so the limit is reached on any machine.
        let gathering = Gathering(count: limit)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<30 {
                group.addTask { await limiter.run { await gathering.pass() } }
            }
        }
        #expect(await limiter.peak == limit)
    }
}
