import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The signals that stop the supervisor, as an async sequence the service group awaits: the
/// signals are ignored by default and reported through dispatch sources, which the stream cancels
/// when it ends.
enum SignalStream {
    static func make(_ signals: [Int32]) -> AsyncStream<Int32> {
        AsyncStream { continuation in
            let sources = signals.map { number -> any DispatchSourceSignal in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                return source
            }
            let installed = InstalledSources(sources)
            continuation.onTermination = { _ in installed.cancel() }
        }
    }
}

/// The dispatch sources of a stream, cancelled when it ends. Dispatch sources may be cancelled from
/// any thread, and the array is never changed after it is made, hence the unchecked conformance.
private final class InstalledSources: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    init(_ sources: [any DispatchSourceSignal]) { self.sources = sources }

    func cancel() { sources.forEach { $0.cancel() } }
}
