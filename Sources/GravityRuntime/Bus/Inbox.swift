import Synchronization

/// A subscriber's inbox: unbounded, in order, one reader. The bus appends under a lock; the reader
/// swaps the pending array for its own emptied one and iterates it outside the lock, so a busy
/// subscriber wakes once per batch rather than once per message, and no array is allocated once both
/// have grown to the usual batch size.
public final class Inbox: AsyncSequence, Sendable {
    public typealias Element = Envelope

    private struct State {
        var pending: [Envelope] = []
        var waiter: UnsafeContinuation<Void, Never>?
        var finished = false
    }

    private let state = Mutex(State())

    init() {}

    /// Adds `envelope`; wakes the reader if it is waiting. The reader collects what is pending when
    /// it runs, by which time more may have arrived: the busier the bus, the larger the batches.
    func deliver(_ envelope: Envelope) {
        let waiter: UnsafeContinuation<Void, Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            state.pending.append(envelope)
            guard let waiter = state.waiter else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// No more messages: the reader's loop ends once it has read what is pending.
    func finish() {
        let waiter: UnsafeContinuation<Void, Never>? = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Exchanges the empty `batch` for everything pending, waiting for at least one message; `batch`
    /// stays empty when the inbox is finished.
    private func take(into batch: inout [Envelope]) async {
        while true {
            let ready: Bool = state.withLock { state in
                if !state.pending.isEmpty {
                    swap(&state.pending, &batch)
                    return true
                }
                return state.finished
            }
            if ready { return }
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if !state.pending.isEmpty || state.finished { return true }
                    precondition(state.waiter == nil, "an inbox has one reader")
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
                // Emptied in place (the array is ours alone), so its storage goes back to the bus.
                batch.removeAll(keepingCapacity: true)
                index = 0
                await inbox.take(into: &batch)
                if batch.isEmpty { return nil }
            }
            defer { index += 1 }
            return batch[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inbox: self) }
}
