/// An industry's rules as the analyst adopts them (`requirements.lifecycles`, `stocks`, ...): what a
/// language model proposing the requirements is shown, so that it can propose them as they are.
public struct IndustryRules: Codable, Sendable, Hashable {
    public var lifecycles: [Lifecycle]
    public var stocks: [Stock]
    public var schedules: [Schedule]
    public var claims: [Claim]
    public var placements: [Placement]
    public var postings: [Posting]
    public var preconditions: [Precondition]

    public init(_ industry: Industry) {
        lifecycles = industry.lifecycles
        stocks = industry.stocks
        schedules = industry.schedules
        claims = industry.claims
        placements = industry.placements
        postings = industry.postings
        preconditions = industry.preconditions
    }

    /// No rules at all.
    public init() {
        lifecycles = []
        stocks = []
        schedules = []
        claims = []
        placements = []
        postings = []
        preconditions = []
    }

    enum CodingKeys: String, CodingKey { case lifecycles, stocks, schedules, claims, placements, postings, preconditions }

    /// Reads the rules a file gives among its other keys (a change file's); each list may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lifecycles = try container.decodeIfPresent([Lifecycle].self, forKey: .lifecycles) ?? []
        stocks = try container.decodeIfPresent([Stock].self, forKey: .stocks) ?? []
        schedules = try container.decodeIfPresent([Schedule].self, forKey: .schedules) ?? []
        claims = try container.decodeIfPresent([Claim].self, forKey: .claims) ?? []
        placements = try container.decodeIfPresent([Placement].self, forKey: .placements) ?? []
        postings = try container.decodeIfPresent([Posting].self, forKey: .postings) ?? []
        preconditions = try container.decodeIfPresent([Precondition].self, forKey: .preconditions) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lifecycles, forKey: .lifecycles)
        try container.encode(stocks, forKey: .stocks)
        try container.encode(schedules, forKey: .schedules)
        try container.encode(claims, forKey: .claims)
        try container.encode(placements, forKey: .placements)
        try container.encode(postings, forKey: .postings)
        // Written only when some, so that an industry without them is shown as it always was.
        if !preconditions.isEmpty { try container.encode(preconditions, forKey: .preconditions) }
    }

    public var isEmpty: Bool {
        lifecycles.isEmpty && stocks.isEmpty && schedules.isEmpty && claims.isEmpty && placements.isEmpty && postings.isEmpty
            && preconditions.isEmpty
    }
}
