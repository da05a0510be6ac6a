/// An industry's rules as the analyst adopts them (`requirements.lifecycles`, `stocks`, ...): what a
/// language model proposing the requirements is shown, so that it can propose them as they are.
public struct IndustryRules: Encodable, Sendable {
    public var lifecycles: [Lifecycle]
    public var stocks: [Stock]
    public var schedules: [Schedule]
    public var claims: [Claim]
    public var placements: [Placement]
    public var postings: [Posting]

    public init(_ industry: Industry) {
        lifecycles = industry.lifecycles
        stocks = industry.stocks
        schedules = industry.schedules
        claims = industry.claims
        placements = industry.placements
        postings = industry.postings
    }

    public var isEmpty: Bool {
        lifecycles.isEmpty && stocks.isEmpty && schedules.isEmpty && claims.isEmpty && placements.isEmpty && postings.isEmpty
    }
}
