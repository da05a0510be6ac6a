import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The pipe the signal handler writes a signal's number into; a thread of the handler reads it.
/// Made before the handler is installed, so the handler only ever writes to it.
private let interruptPipe: [Int32] = {
    var descriptors: [Int32] = [-1, -1]
    _ = pipe(&descriptors)
    return descriptors
}()

/// Async-signal-safe: one write. A caught signal (unlike an ignored one) is reset to its default in
/// the programs this process starts, so pytest or pip still stop on SIGTERM or Ctrl-C.
private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(interruptPipe[1], &byte, 1)
}

/// Turns SIGINT and SIGTERM into a recorded ending: the handler says where the run stopped (in the
/// history and on stderr), the programs the run started are stopped, and the process exits with
/// 128 + the signal, as a shell expects.
struct InterruptHandler {
    /// Set once a signal is being handled: the run's own error path then stays quiet, since the
    /// children stopped here make it fail too, and the handler ends the process with its own status.
    static let handling = Mutex(false)

    /// Installs `handle`, which gets the signal's name and runs once, on a thread of its own.
    init(_ handle: @escaping @Sendable (String) -> Void) {
        let descriptors = interruptPipe
        let reader = Thread {
            var byte: UInt8 = 0
            while read(descriptors[0], &byte, 1) < 0 && errno == EINTR {}
            Self.handling.withLock { $0 = true }
            let number = Int32(byte)
            handle(number == SIGTERM ? "SIGTERM" : "SIGINT")
            ChildProcesses.stop()
            // Every line printed so far goes out whole before the process ends.
            fflush(nil)
            exit(128 + number)
        }
        reader.name = "interrupt"
        reader.start()
        signal(SIGINT, forwardSignal)
        signal(SIGTERM, forwardSignal)
    }

    /// Restores the default: a signal ends the process at once.
    func remove() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
