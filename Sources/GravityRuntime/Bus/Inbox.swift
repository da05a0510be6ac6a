import Synchronization

/// A subscriber's inbox: unbounded, in order, one reader. The bus appends under a lock; the reader
/// takes everything pending in one step and then iterates it locally, so a busy subscriber wakes
/// once per batch rather than once per message.
public final class Inbox: AsyncSequence, Sendable {
    public typealias Element = Envelope

    private struct State {
        var pending: [Envelope] = []
        var waiter: CheckedContinuation<[Envelope], Never>?
        var finished = false
    }

    private let state = Mutex(State())

    init() {}

    /// Adds `envelope`; wakes the reader if it is waiting.
    func deliver(_ envelope: Envelope) {
        let waiter: CheckedContinuation<[Envelope], Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            guard let waiter = state.waiter else {
                state.pending.append(envelope)
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: [envelope])
    }

    /// No more messages: the reader's loop ends once it has read what is pending.
    func finish() {
        let waiter: CheckedContinuation<[Envelope], Never>? = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: [])
    }

    /// Everything pending, waiting for at least one message; empty when the inbox is finished.
    private func take() async -> [Envelope] {
        let ready: [Envelope]? = state.withLock { state in
            if !state.pending.isEmpty {
                defer { state.pending.removeAll(keepingCapacity: true) }
                return state.pending
            }
            return state.finished ? [] : nil
        }
        if let ready { return ready }
        return await withCheckedContinuation { continuation in
            let immediate: [Envelope]? = state.withLock { state in
                if !state.pending.isEmpty {
                    defer { state.pending.removeAll(keepingCapacity: true) }
                    return state.pending
                }
                if state.finished { return [] }
                state.waiter = continuation
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
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
