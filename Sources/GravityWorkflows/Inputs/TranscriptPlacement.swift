import Foundation
import GravityRuntime

/// Keeps a transcript from being overwritten by the run's own files: inside the output
/// directory it must be `transcript.jsonl` at the top, or a change's `transcript.0002-<name>.jsonl`.
public enum TranscriptPlacement {
    public static func check(_ transcript: String, output: OutputDirectory) throws {
        let directory = URL(fileURLWithPath: output.path).standardizedFileURL.path
        let path = URL(fileURLWithPath: transcript).standardizedFileURL.path
        guard path.hasPrefix(directory + "/") else { return }
        let name = String(path.dropFirst(directory.count + 1))
        let allowed = name == "transcript.jsonl" || ChangeTranscripts.number(of: name) != nil
        // The transcript is opened, not replaced: a link there is followed, so it must stay inside.
        try output.checkInside(allowed ? name : "transcript.jsonl", following: true)
        guard allowed else {
            throw InputError.transcriptPlacement(transcript: transcript, required: output.file("transcript.jsonl"))
        }
    }
}
