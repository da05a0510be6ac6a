import GravityModel

/// The inputs of one development session.
public struct SessionConfiguration: Sendable {
    public var team: Team
    public var brief: String
    public var seed: UInt64
    /// Rounds a phase may take before the product manager decides (at least 1).
    public var maxRounds: Int
    /// Model requests allowed in flight at once (at least 1).
    public var concurrency: Int
    public var model: any LanguageModel
    /// Whether the next phase's lead drafts while the current proposal is reviewed (when a
    /// request slot is free beside the reviews). A draft made for decisions that did not stand
    /// is discarded, so the outcome and the transcript are the same either way.
    public var draftAhead: Bool
    /// For a change to an application built before: what it starts from.
    public var change: ChangeRun?
    /// A person at the table: the phases whose decision they approve, and where answers come from.
    public var owner: OwnerSeat?

    public init(
        team: Team,
        brief: String,
        seed: UInt64,
        maxRounds: Int = 3,
        concurrency: Int = 14,
        model: any LanguageModel,
        draftAhead: Bool = true,
        change: ChangeRun? = nil
    ) {
        self.team = team
        self.brief = brief
        self.seed = seed
        self.maxRounds = maxRounds
        self.concurrency = concurrency
        self.model = model
        self.draftAhead = draftAhead
        self.change = change
    }

    /// The transcript header for this configuration.
    public var header: TranscriptHeader {
        TranscriptHeader(
            tool: "gravity-team \(ToolVersion.current)",
            industry: team.industry.id,
            brief: brief,
            seed: seed,
            model: model.name,
            maxRounds: maxRounds,
            parent: change?.parent,
            change: change?.change,
            approve: owner?.gates
        )
    }
}

/// The product owner's seat: the gates and the source of the answers.
public struct OwnerSeat: Sendable {
    public var gates: OwnerGates
    public var gate: any OwnerGate

    public init(gates: OwnerGates, gate: any OwnerGate) {
        self.gates = gates
        self.gate = gate
    }

    /// The seat of a recorded run, for replaying it: its gates, answered as the transcript says.
    public static func recorded(_ header: TranscriptHeader, events: [EventSkeleton]) -> OwnerSeat? {
        header.approve.map { OwnerSeat(gates: $0, gate: RecordedOwner(events: events)) }
    }
}
