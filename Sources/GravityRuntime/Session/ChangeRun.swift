import GravityModel

/// What a change run starts from: the application as its last run left it (that run's Blueprint
/// and decisions, and its transcript, which the change's transcript names), the change, and the
/// phases the change touches. The team's industry is the industry with the change applied.
public struct ChangeRun: Sendable {
    public var change: ChangeRequest
    public var parent: ParentTranscript
    public var blueprint: Blueprint
    /// The parent's decision of every phase.
    public var decisions: [Decision]
    public var touched: Set<Phase>

    public init(change: ChangeRequest, parent: ParentTranscript, blueprint: Blueprint, decisions: [Decision], touched: Set<Phase>) {
        self.change = change
        self.parent = parent
        self.blueprint = blueprint
        self.decisions = decisions
        self.touched = touched
    }

    /// The parent's decision of `phase`, when the change leaves it as it is.
    func kept(_ phase: Phase) -> Decision? {
        touched.contains(phase) ? nil : decisions.first { $0.phase == phase }
    }
}

/// The transcript a change run's transcript continues: a file beside it, by name, and its digest.
public struct ParentTranscript: Codable, Sendable, Hashable {
    /// A file name in the change transcript's directory.
    public var file: String
    public var sha256: String

    public init(file: String, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }
}
