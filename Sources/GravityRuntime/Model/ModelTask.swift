/// What a persona is asked to do in one model request.
public enum ModelTask: String, Codable, Sendable {
    /// Draft the first proposal of a phase.
    case propose
    /// Revise the proposal with the dissenting concerns.
    case revise
    /// Review a proposal and vote.
    case review
    /// Decide which round to adopt when no round was approved.
    case arbitrate
    /// Draft an industry file from a brief (`gravity-team industries new`).
    case draftIndustry = "draft_industry"
}
