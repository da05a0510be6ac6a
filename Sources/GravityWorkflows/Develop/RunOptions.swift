import GravityRuntime

/// What a develop and a resume run are asked alike: how, where to, at what cost, and what is recorded.
public struct RunOptions: Sendable {
    public var concurrency: Int = 14
    public var mockLatencyMilliseconds: Int = 0
    /// The output directory (default: gravity-out/<industry>).
    public var out: String?
    /// Whether the next phase's lead drafts while the current proposal is reviewed.
    public var draftAhead = true
    /// Whether the generated services' own tests run after the files are written.
    public var verify = true
    /// Whether files the user changed since the last run are overwritten, rather than kept.
    public var force = false
    /// Stop, resumable, before a model call would take the run past this many tokens.
    public var tokenBudget: Int?
    public var prices: PriceTable
    public var model: ModelChoice = .mock
    public var history: HistoryFile
    /// Approval gates and where their answers come from (`--approve`); a resumed run gates the
    /// phases its transcript names and needs a source only where it has one to ask.
    public var owner: OwnerChoice?

    public init(prices: PriceTable, history: HistoryFile) {
        self.prices = prices
        self.history = history
    }
}
