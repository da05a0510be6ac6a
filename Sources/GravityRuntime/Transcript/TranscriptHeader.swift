/// The first line of a transcript: what was run, with which inputs.
public struct TranscriptHeader: Codable, Sendable, Hashable {
    public static let format = "gravity-transcript"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var tool: String
    public var industry: String
    public var brief: String
    public var seed: UInt64
    public var model: String
    public var maxRounds: Int

    enum CodingKeys: String, CodingKey {
        case format, version, tool, industry, brief, seed, model
        case maxRounds = "max_rounds"
    }

    public init(tool: String, industry: String, brief: String, seed: UInt64, model: String, maxRounds: Int) {
        self.format = Self.format
        self.version = Self.currentVersion
        self.tool = tool
        self.industry = industry
        self.brief = brief
        self.seed = seed
        self.model = model
        self.maxRounds = maxRounds
    }
}
