import GravityModel

/// One request to a language model: who asks, in which phase and round, for what, with the
/// rendered prompt and the structured context it was rendered from.
public struct ModelRequest: Sendable {
    public var persona: String
    public var phase: Phase
    public var round: Int
    public var task: ModelTask
    public var system: String
    public var prompt: String
    /// The name of the JSON schema the answer must match.
    public var schema: String
    public var context: TaskContext

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
    }

    /// A fingerprint of everything the model sees, used to match recorded answers on replay.
    public var hash: String {
        StableHash.of(persona, phase.rawValue, String(round), task.rawValue, schema, system, prompt).hex
    }
}
