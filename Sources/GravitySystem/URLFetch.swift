import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request with a hard time limit, through URLSession's completion-handler API. The async
/// `data(for:)` of swift-corelibs-foundation can deadlock when its Swift task is cancelled while the
/// answer arrives, so nothing here is tied to task cancellation: a timer cancels the request instead.
public enum URLFetch {
    public enum Failure: Error {
        case timedOut
        /// Nothing accepted the connection.
        case refused(String)
        case failed(String)
    }

    public static func fetch(_ request: URLRequest, session: URLSession, timeout: Duration) async throws -> (Data, HTTPURLResponse?) {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, HTTPURLResponse?), any Error>) in
            let once = Once()
            let task = session.dataTask(with: request) { data, response, error in
                guard once.claim() else { return }
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
            task.resume()
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds) {
                guard once.claim() else { return }
                task.cancel()
                continuation.resume(throwing: Failure.timedOut)
            }
        }
    }
}

/// True for the first caller only: the answer and the timer race to settle a continuation once.
private final class Once: Sendable {
    private let settled = Mutex(false)

    func claim() -> Bool {
        settled.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
