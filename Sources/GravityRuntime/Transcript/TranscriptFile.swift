import Foundation
import Synchronization

/// A transcript file split into its header and raw event lines, with the header checked.
/// Events are decoded on demand, fully or as light skeletons, in parallel.
public struct TranscriptFile: Sendable {
    public var header: TranscriptHeader
    public var headerLine: String
    /// The raw JSON of each event line (index 0 is event seq 1).
    public var eventLines: [String]
    /// Whether the file ended in a partial line that was dropped (an interrupted run).
    public var droppedPartialLine: Bool
    /// How the file is named in errors.
    public var name: String

    /// Reads the transcript at `path`.
    /// - Parameter allowingPartialTail: accept (and drop) a last line cut off mid-write, as an
    ///   interrupted run leaves; otherwise that is an error.
    public init(path: String, allowingPartialTail: Bool = false) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TranscriptError.unreadable(path: path)
        }
        try self.init(data: data, name: path, allowingPartialTail: allowingPartialTail)
    }

    /// Splits transcript bytes; `name` is how errors refer to the file.
    public init(data: Data, name: String, allowingPartialTail: Bool = false) throws {
        var lines = Self.lines(of: data)
        var dropped = false
        if lines.last?.isEmpty == true {
            lines.removeLast()
        } else if !lines.isEmpty {
            // The last line has no newline: the writer was stopped while writing it.
            guard allowingPartialTail else { throw TranscriptError.truncated(path: name, line: lines.count) }
            lines.removeLast()
            dropped = true
        }
        guard let first = lines.first else { throw TranscriptError.empty(path: name) }
        let header: TranscriptHeader
        do {
            header = try JSONDecoder().decode(TranscriptHeader.self, from: Data(first.utf8))
        } catch {
            let format = (try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["format"] as? String
            throw TranscriptError.notATranscript(path: name, found: format)
        }
        guard header.format == TranscriptHeader.format else { throw TranscriptError.notATranscript(path: name, found: header.format) }
        guard header.version == TranscriptHeader.currentVersion else {
            throw TranscriptError.unsupportedVersion(path: name, version: header.version)
        }
        if let (field, problem) = header.problem {
            throw TranscriptError.invalidHeader(path: name, field: field, problem: problem)
        }
        self.header = header
        self.headerLine = first
        self.eventLines = Array(lines.dropFirst())
        self.droppedPartialLine = dropped
        self.name = name
    }

    /// The file's lines, split at newlines; the text after the last newline is the last element
    /// (empty when the file ends with a newline).
    private static func lines(of data: Data) -> [String] {
        // A direct scan of the bytes: several times faster than Data.split on large transcripts.
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [String] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x0A {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
            return lines
        }
    }

    /// Decodes every event line as `T`, in order, on one thread.
    public func decode<T: Decodable>(_ type: T.Type) throws -> [T] {
        try Self.decode(type, lines: eventLines[...], firstLine: 2, name: name)
    }

    /// Decodes every event line as `T`, in order, spreading the work over the processor's cores.
    public func decodeInParallel<T: Decodable & Sendable>(_ type: T.Type) throws -> [T] {
        // Split when each share is worth a thread: by bytes, since a line can be a few bytes or many kilobytes.
        let bytes = eventLines.reduce(0) { $0 + $1.utf8.count }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, bytes / 200_000, eventLines.count))
        guard workers > 1 else { return try decode(type) }
        let chunk = (eventLines.count + workers - 1) / workers
        let lines = eventLines
        let name = self.name
        let parts = Mutex([Result<[T], any Error>?](repeating: nil, count: workers))
        // Dispatch's worker threads, not the cooperative pool: decoding is CPU-bound and must not
        // hold back the tasks of a running session.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<min(lines.count, (worker + 1) * chunk)
            let result = Result { try Self.decode(type, lines: lines[range], firstLine: range.lowerBound + 2, name: name) }
            parts.withLock { $0[worker] = result }
        }
        return try parts.withLock { parts in try parts.flatMap { try $0?.get() ?? [] } }
    }

    private static func decode<T: Decodable>(_ type: T.Type, lines: ArraySlice<String>, firstLine: Int, name: String) throws -> [T] {
        let decoder = JSONDecoder()
        var decoded: [T] = []
        decoded.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated() {
            do {
                decoded.append(try decoder.decode(T.self, from: Data(line.utf8)))
            } catch {
                throw TranscriptError.malformedEvent(path: name, line: firstLine + offset, problem: describe(error))
            }
        }
        return decoded
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "not valid JSON" : "bad value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(_, let context): "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "not a transcript event"
        }
    }
}
