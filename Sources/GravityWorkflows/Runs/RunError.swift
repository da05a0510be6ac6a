/// Why a workflow over a run (develop, resume, replay, generate from a run) cannot go on: a case per
/// problem, each one line, naming the transcript and what to do instead.
public enum RunError: Error, CustomStringConvertible, Equatable {
    /// `generate --transcript` of a run that did not finish.
    case decisionsNotRecorded(transcript: String)
    /// `replay` of a run that did not finish, after `events` events.
    case unfinished(transcript: String, events: Int)
    /// `develop --resume` of a run that finished.
    case complete(transcript: String)
    /// `develop --resume` with a model other than the run's.
    case otherModel(transcript: String, recorded: String, given: String)
    /// The token budget ran out; the transcript so far is kept for a resume.
    case budgetExhausted(problem: String, transcript: String)
    /// `replay --out` where the replay would write over the transcript it reads.
    case replayWouldOverwrite
    /// `replay --verify`: the first place the replay differs from the record (it may span lines).
    case replayDiverges(transcript: String, divergence: String)
    /// `replay --verify`: the record disagrees with itself.
    case inconsistent(transcript: String, problem: String)

    public var description: String {
        switch self {
        case .decisionsNotRecorded(let transcript): "\(transcript): the run did not finish, so its decisions are not all on record"
        case .unfinished(let transcript, let events):
            "\(transcript): the run did not finish (no run_end after event \(events)); `gravity-team develop --resume \(transcript)` finishes it"
        case .complete(let transcript): "\(transcript): the run is complete; nothing to resume (use replay to reproduce it)"
        case .otherModel(let transcript, let recorded, let given):
            "\(transcript): the run used model '\(recorded)'; resume it with the same model, not '\(given)'"
        case .budgetExhausted(let problem, let transcript):
            "\(problem)\nThe transcript so far is kept; continue with: gravity-team develop --resume \(transcript) --budget-tokens <a larger budget>"
        case .replayWouldOverwrite: "--out would overwrite the transcript being replayed; choose another directory"
        case .replayDiverges(let transcript, let divergence): "\(transcript): replay diverges at \(divergence)"
        case .inconsistent(let transcript, let problem): "\(transcript): \(problem)"
        }
    }
}
