import GravityRuntime

/// Counts what a resumed run took from the interrupted transcript.
public enum ResumeAccounting {
    /// The model exchanges of the finished transcript that were already recorded in the interrupted one.
    public static func reusedAnswers(from interrupted: Transcript, in finished: String) throws -> Int {
        let recorded = Set(interrupted.events.compactMap { $0.call.map { "\($0.persona) \($0.phase.rawValue) \($0.requestHash)" } })
        return try TranscriptFile(path: finished).decode(EventSkeleton.self)
            .compactMap(\.call)
            .filter { recorded.contains("\($0.persona) \($0.phase.rawValue) \($0.requestHash)") }
            .count
    }
}
