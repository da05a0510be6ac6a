import FlyingSocks
import Foundation

/// A response body produced while it is sent (server-sent events): FlyingFox writes each chunk as
/// it comes, with chunked transfer encoding.
struct ByteChunks: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let chunks: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        typealias Buffer = [UInt8]

        var chunks: AsyncStream<Data>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let chunk = await chunks.next() else { return nil }
                pending = Array(chunk)
            }
            let taken = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
