import Foundation

/// A transcript read back from disk with every event decoded: its header, its events, and the
/// raw lines for byte-exact comparison.
public struct Transcript: Sendable {
    public var file: TranscriptFile
    public var events: [TranscriptEvent]

    public var header: TranscriptHeader { file.header }
    public var headerLine: String { file.headerLine }
    public var droppedPartialLine: Bool { file.droppedPartialLine }
    /// The raw JSON of each event line (index 0 is event seq 1).
    public var eventLines: [String] {
        get { file.eventLines }
        set { file.eventLines = newValue }
    }

    /// Whether the run reached its end.
    public var isComplete: Bool { events.last?.type == .runEnd }

    /// Reads and decodes the transcript at `path`.
    /// - Parameter allowingPartialTail: accept (and drop) a last line cut off mid-write, as an
    ///   interrupted run leaves; otherwise that is an error.
    public init(path: String, allowingPartialTail: Bool = false) throws {
        try self.init(file: TranscriptFile(path: path, allowingPartialTail: allowingPartialTail))
    }

    /// Parses transcript bytes; `name` is how errors refer to the file.
    public init(data: Data, name: String, allowingPartialTail: Bool = false) throws {
        try self.init(file: TranscriptFile(data: data, name: name, allowingPartialTail: allowingPartialTail))
    }

    public init(file: TranscriptFile) throws {
        self.file = file
        self.events = try file.decode(TranscriptEvent.self)
    }
}

/// What can be wrong with a transcript file.
public enum TranscriptError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String)
    case empty(path: String)
    case truncated(path: String, line: Int)
    case notATranscript(path: String, found: String?)
    case unsupportedVersion(path: String, version: Int)
    case malformedEvent(path: String, line: Int, problem: String)
    case invalidHeader(path: String, field: String, problem: String)
    case doesNotVerify(path: String, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read the transcript"
        case .empty(let path): "\(path): the transcript is empty"
        case .truncated(let path, let line):
            "\(path):\(line): the transcript ends in the middle of a line (an interrupted run; resume it with develop --resume)"
        case .notATranscript(let path, let found):
            "\(path):1: not a gravity-team transcript (header format is \(found.map { "'\($0)'" } ?? "missing"))"
        case .unsupportedVersion(let path, let version):
            "\(path):1: transcript version \(version) is not supported (this tool reads version \(TranscriptHeader.currentVersion))"
        case .malformedEvent(let path, let line, let problem): "\(path):\(line): malformed event: \(problem)"
        case .invalidHeader(let path, let field, let problem): "\(path):1: header field '\(field)' \(problem)"
        case .doesNotVerify(let path, let problem): "\(path) does not verify: \(problem)"
        }
    }
}
