import GravityModel
import GravitySystem

/// One request to a language model: who asks, in which phase and round, for what, with the
/// rendered prompt and the structured context it was rendered from.
public struct ModelRequest: Sendable {
    public let persona: String
    public let phase: Phase
    public let round: Int
    public let task: ModelTask
    public let system: String
    public let prompt: String
    /// The name of the JSON schema the answer must match.
    public let schema: String
    public let context: TaskContext
    /// A fingerprint (SHA-256) of everything the model sees, used to match recorded answers on
    /// replay. Computed once, when the request is made.
    public let hash: String

    public init(
        persona: String,
        phase: Phase,
        round: Int,
        task: ModelTask,
        system: String,
        prompt: String,
        schema: String,
        context: TaskContext
    ) {
        self.persona = persona
        self.phase = phase
        self.round = round
        self.task = task
        self.system = system
        self.prompt = prompt
        self.schema = schema
        self.context = context
        self.hash = SHA256Digest.hex(
            [persona, phase.rawValue, String(round), task.rawValue, schema, system, prompt].joined(separator: "\u{1F}")
        )
    }
}
