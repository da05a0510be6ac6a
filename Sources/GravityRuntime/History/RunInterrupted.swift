/// A run stopped by a signal (Ctrl-C, `kill`), and where it was when it stopped. The history records
/// such a run as `interrupted`, not `failed`: its transcript can be resumed.
public struct RunInterrupted: Error, CustomStringConvertible, Sendable {
    /// The signal's name, e.g. "SIGINT".
    public var signal: String
    /// Where the run was, e.g. "during the backend phase" or "while the generated tests ran".
    public var stage: String

    public init(signal: String, stage: String) {
        self.signal = signal
        self.stage = stage
    }

    public var description: String { "interrupted by \(signal) \(stage)" }
}
