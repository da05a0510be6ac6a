/// Why a change to an application cannot be made: a case per problem, each one line, naming the
/// file or value at fault and what to do instead.
public enum ChangeError: Error, CustomStringConvertible, Equatable {
    /// `--from` names no application gravity-team built (no transcript.jsonl in it).
    case notAnApp(path: String)
    /// A change transcript's parent is not beside it.
    case parentMissing(transcript: String, parent: String)
    /// A change transcript's parent was changed since the change was recorded.
    case parentChanged(transcript: String, parent: String, recorded: String, found: String)
    /// A transcript names a parent but records no change, or the reverse.
    case incoherentHeader(transcript: String, problem: String)
    /// Two change transcripts claim the same place in the application's history.
    case ambiguousHistory(app: String, first: String, second: String)
    /// A change in words, and the mock model, which cannot read words.
    case wordsNeedAModel
    /// A change that takes something away, without `--allow-destructive`.
    case destructive(change: String, removals: [String])
    /// `--change` text that makes no change name.
    case unnamedChange(text: String)
    /// The app's latest change did not finish (interrupted, or its files could not be written).
    case unfinishedChange(transcript: String)

    public var description: String {
        switch self {
        case .notAnApp(let path):
            "\(path): not an application gravity-team built (it has no transcript.jsonl); give the --out directory of a develop run"
        case .parentMissing(let transcript, let parent):
            "\(transcript): its parent transcript \(parent) is missing; put it beside it, or name it with --parent"
        case .parentChanged(let transcript, let parent, let recorded, let found):
            "\(transcript): its parent \(parent) has changed since the change was recorded (sha256 \(found.prefix(16))…, recorded \(recorded.prefix(16))…)"
        case .incoherentHeader(let transcript, let problem): "\(transcript): \(problem)"
        case .ambiguousHistory(let app, let first, let second):
            "\(app): \(first) and \(second) both claim the same place in the application's history; move one away"
        case .wordsNeedAModel:
            "the mock model cannot read a change given in words; give --change-file (docs/formats.md, change files), or a real model (--model ollama or openai)"
        case .destructive(let change, let removals):
            "the change '\(change)' takes away \(removals.joined(separator: ", ")); say --allow-destructive to make it (the values are kept in _dropped_<table>_<column> tables)"
        case .unfinishedChange(let transcript):
            "\(transcript): this change did not finish; `gravity-team develop --resume \(transcript)` finishes it, or move it away to change the app as it was before it"
        case .unnamedChange(let text):
            "--change '\(text.prefix(40))': give words with letters or digits, which name its migration"
        }
    }
}
