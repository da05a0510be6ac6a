import GravityModel

/// A request and its answer, as recorded in a transcript.
public struct ModelExchange: Codable, Sendable, Hashable {
    public var persona: String
    public var phase: Phase
    public var round: Int
    public var task: ModelTask
    public var schema: String
    public var requestHash: String
    public var system: String
    public var prompt: String
    public var response: String
    public var usage: TokenUsage

    enum CodingKeys: String, CodingKey {
        case persona, phase, round, task, schema, system, prompt, response, usage
        case requestHash = "request_hash"
    }

    public init(
        persona: String,
        phase: Phase,
        round: Int,
        task: ModelTask,
        schema: String,
        requestHash: String,
        system: String,
        prompt: String,
        response: String,
        usage: TokenUsage
    ) {
        self.persona = persona
        self.phase = phase
        self.round = round
        self.task = task
        self.schema = schema
        self.requestHash = requestHash
        self.system = system
        self.prompt = prompt
        self.response = response
        self.usage = usage
    }

    public init(request: ModelRequest, response: ModelResponse) {
        persona = request.persona
        phase = request.phase
        round = request.round
        task = request.task
        schema = request.schema
        requestHash = request.hash
        system = request.system
        prompt = request.prompt
        self.response = response.text
        usage = response.usage
    }
}
