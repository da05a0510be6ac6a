import GravityModel

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
    /// A change run's: the transcript it continues, beside it.
    public var parent: ParentTranscript?
    /// A change run's: the change, whole, so that the run can be replayed from the transcripts alone.
    public var change: ChangeRequest?
    /// The approval gates a person answers (`--approve`), so that a replay gates the same phases.
    public var approve: OwnerGates?

    enum CodingKeys: String, CodingKey {
        case format, version, tool, industry, brief, seed, model, parent, change, approve
        case maxRounds = "max_rounds"
    }

    public init(
        tool: String, industry: String, brief: String, seed: UInt64, model: String, maxRounds: Int, parent: ParentTranscript? = nil,
        change: ChangeRequest? = nil, approve: OwnerGates? = nil
    ) {
        self.format = Self.format
        self.version = Self.currentVersion
        self.tool = tool
        self.industry = industry
        self.brief = brief
        self.seed = seed
        self.model = model
        self.maxRounds = maxRounds
        self.parent = parent
        self.change = change
        self.approve = approve
    }
}

extension TranscriptHeader {
    /// The rounds a run may hold per phase (`--max-rounds`).
    public static let roundsRange = 1...10

    /// The first field that is not what a run writes, with why; nil when every field is.
    /// Header fields are ids and settings, never paths: `industry` names an industry, it does not locate one.
    var problem: (field: String, problem: String)? {
        if !Identifier.isValid(industry, allowingDashes: true) {
            return ("industry", "must be an industry id (lowercase letters, digits and dashes), not '\(industry.prefix(64))'")
        }
        if !Self.roundsRange.contains(maxRounds) {
            return ("max_rounds", "must be from \(Self.roundsRange.lowerBound) to \(Self.roundsRange.upperBound), not \(maxRounds)")
        }
        let brief = brief.trimmingCharacters(in: .whitespaces)
        if brief.isEmpty || brief.contains(where: \.isNewline) || self.brief.count > InputLimits.briefCharacters {
            return ("brief", "must be one line of 1 to \(InputLimits.briefCharacters) characters")
        }
        for (field, value) in [("model", model), ("tool", tool)]
        where value.isEmpty || value.count > 200 || value.contains(where: \.isNewline) {
            return (field, "must be one line of 1 to 200 characters")
        }
        return nil
    }
}
