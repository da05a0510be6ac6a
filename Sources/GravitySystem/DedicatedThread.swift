import Foundation

/// Blocking work (waiting for a program, a read from a pipe, a poll) on a thread of its own, so that it
/// does not hold one of the cooperative pool's threads, of which there are as many as cores.
public enum DedicatedThread {
    /// Runs `work` on a new thread and returns what it returns (or throws what it throws).
    public static func run<T: Sendable>(_ name: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = name
            thread.start()
        }
    }
}
