import GravityModel

/// A model's answer that broke its schema twice, with both exchanges, so that a review can abstain
/// and keep them in the transcript, and a proposal can stop the run.
struct UnusableAnswer: Error, CustomStringConvertible {
    var persona: String
    var phase: Phase
    var problem: String
    var exchanges: [ModelExchange]

    var description: String { RuntimeError.invalidAnswer(persona: persona, phase: phase.rawValue, problem: problem).description }
}
