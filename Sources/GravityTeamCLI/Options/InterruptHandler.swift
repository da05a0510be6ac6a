import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a recorded ending: the handler says where the run stopped (in the
/// history and on stderr) before the process exits with 128 + the signal, as a shell expects.
struct InterruptHandler {
    private final class Once: Sendable {
        private let done = Mutex(false)
        /// True the first time only: a second Ctrl-C while the first is handled changes nothing.
        func claim() -> Bool { done.withLock { done in defer { done = true }; return !done } }
    }

    private let sources: [any DispatchSourceSignal]

    /// Installs `handle`, which gets the signal's name and runs once, off the cooperative pool.
    init(_ handle: @escaping @Sendable (String) -> Void) {
        let once = Once()
        let queue = DispatchQueue(label: "gravity-team.interrupt")
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                guard once.claim() else { return }
                handle(name)
                // Every line printed so far goes out whole before the process ends.
                fflush(nil)
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Restores the default: a signal ends the process at once.
    func remove() {
        sources.forEach { $0.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
