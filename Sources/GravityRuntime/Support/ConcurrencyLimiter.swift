/// Bounds how many model requests are in flight at once; waiters are served first come, first served.
public actor ConcurrencyLimiter {
    private let limit: Int
    private var inUse = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// The most requests seen in flight together, for tests and benchmarks.
    public private(set) var peak = 0

    public init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `work` once a slot is free.
    public func run<T: Sendable>(_ work: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await work()
    }

    private func acquire() async {
        if inUse < limit {
            inUse += 1
        } else {
            // The releasing side hands its slot over directly, so inUse stays counted.
            await withCheckedContinuation { waiters.append($0) }
        }
        peak = max(peak, inUse)
    }

    private func release() {
        if waiters.isEmpty {
            inUse -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
