import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request with a hard time limit, through URLSession's completion-handler API. The async
/// `data(for:)` of swift-corelibs-foundation can deadlock when its Swift task is cancelled while the
/// answer arrives, so nothing here is tied to task cancellation: a timer (a sleeping task) gives up on the answer instead.
public enum URLFetch {
    public enum Failure: Error {
        case timedOut
        /// Nothing accepted the connection.
        case refused(String)
        case failed(String)
    }

    public static func fetch(_ request: URLRequest, session: URLSession, timeout: Duration) async throws -> (Data, HTTPURLResponse?) {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, HTTPURLResponse?), any Error>) in
            let race = Race()
            var request = request
            request.timeoutInterval = min(request.timeoutInterval, timeout.seconds)
            let task = session.dataTask(with: request) { data, response, error in
                guard race.settle() else { return }
                if let error {
                    let failure: Failure =
                        switch (error as NSError).code {
                        case NSURLErrorTimedOut: .timedOut
                        case NSURLErrorCannotConnectToHost: .refused(error.localizedDescription)
                        default: .failed(error.localizedDescription)
                        }
                    continuation.resume(throwing: failure)
                } else {
                    continuation.resume(returning: (data ?? Data(), response as? HTTPURLResponse))
                }
            }
            race.arm(
                Task {
                    try? await Task.sleep(for: timeout)
                    guard race.settle() else { return }
                    // Not task.cancel(): in swift-corelibs-foundation a cancel that races the task's
                    // own completion is a fatal error (TaskRegistry: "a task that is not in the
                    // registry"). The request ends by its own timeout, set below, and its late answer
                    // finds the race settled.
                    continuation.resume(throwing: Failure.timedOut)
                })
            task.resume()
        }
    }
}

/// The answer and the timer race to settle a continuation once; the first to settle wins, and the
/// timer, a sleeping task on the cooperative pool, is cancelled when the answer wins.
private final class Race: Sendable {
    private let state = Mutex<(settled: Bool, timer: Task<Void, Never>?)>((false, nil))

    /// True for the first caller only.
    func settle() -> Bool {
        let (first, timer) = state.withLock { state -> (Bool, Task<Void, Never>?) in
            defer { state.settled = true }
            return (!state.settled, state.settled ? nil : state.timer)
        }
        if first { timer?.cancel() }
        return first
    }

    func arm(_ timer: Task<Void, Never>) {
        let settled = state.withLock { state in
            state.timer = timer
            return state.settled
        }
        if settled { timer.cancel() }
    }
}
