import Synchronization

/// A subscriber's inbox: unbounded, in order, one reader. The bus appends under a lock; the reader
/// takes everything pending in one step and then iterates it locally, so a busy subscriber wakes
/// once per batch rather than once per message.
public final class Inbox: AsyncSequence, Sendable {
    public typealias Element = Envelope

    private struct State {
        var pending: [Envelope] = []
        var waiter: CheckedContinuation<Void, Never>?
        var finished = false
    }

    private let state = Mutex(State())

    init() {}

    /// Adds `envelope`; wakes the reader if it is waiting. The reader collects what is pending when
    /// it runs, by which time more may have arrived: the busier the bus, the larger the batches.
    func deliver(_ envelope: Envelope) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            state.pending.append(envelope)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// No more messages: the reader's loop ends once it has read what is pending.
    func finish() {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Everything pending, waiting for at least one message; empty when the inbox is finished.
    private func take() async -> [Envelope] {
        while true {
            let ready: [Envelope]? = state.withLock { state in
                if !state.pending.isEmpty {
                    defer { state.pending.removeAll(keepingCapacity: true) }
                    return state.pending
                }
                return state.finished ? [] : nil
            }
            if let ready { return ready }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if !state.pending.isEmpty || state.finished { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let inbox: Inbox
        var batch: [Envelope] = []
        var index = 0

        public mutating func next() async -> Envelope? {
            if index == batch.count {
                batch = await inbox.take()
                index = 0
                if batch.isEmpty { return nil }
            }
            defer { index += 1 }
            return batch[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inbox: self) }
}
