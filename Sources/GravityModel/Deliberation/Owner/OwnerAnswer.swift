import Foundation

/// A person's word at an approval gate: the decision stands, or the lead revises it (a rejection
/// with its reason, or an amendment: a short instruction).
public struct OwnerAnswer: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case approve, reject, amend
    }

    /// The product owner's id wherever a persona's would stand: in dissent, in a decision.
    public static let voterID = "product-owner"

    public var kind: Kind
    /// The reason (reject) or the instruction (amend); empty for an approval.
    public var text: String

    enum CodingKeys: String, CodingKey { case kind, text }

    public init(_ kind: Kind, _ text: String = "") {
        self.kind = kind
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        if !text.isEmpty { try container.encode(text, forKey: .text) }
    }

    /// The answer as every source records it: the words trimmed, none for an approval; nil when a
    /// rejection or amendment has no words, or words that are not one line of text of up to 500
    /// characters. A terminal, a file and the dashboard thus give the same transcript bytes.
    public static func normalised(_ kind: Kind, _ text: String) -> OwnerAnswer? {
        guard kind != .approve else { return OwnerAnswer(.approve) }
        let words = text.trimmingCharacters(in: .whitespaces)
        guard !words.isEmpty, words.count <= 500, !words.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            return nil
        }
        return OwnerAnswer(kind, words)
    }

    /// Whether the decision is sent back for a revision.
    public var sendsBack: Bool { kind != .approve }

    /// "approve", "reject: orders on postgresql": how the answer reads in a table or a prompt.
    public var label: String { text.isEmpty ? kind.rawValue : "\(kind.rawValue): \(text)" }
}

/// Whether the product owner's word overrides the team's vote or counts as one weighted vote.
public enum OwnerMode: String, Codable, Sendable, CaseIterable {
    case override
    case vote
}

/// The approval gates of a run, as its transcript header records them: the phases whose final
/// decision a person approves, and how that person's word counts.
public struct OwnerGates: Codable, Sendable, Hashable {
    public var phases: [Phase]
    public var mode: OwnerMode

    public init(phases: [Phase], mode: OwnerMode) {
        self.phases = phases
        self.mode = mode
    }

    /// A rejection opens at most this many rounds of a phase beyond its decision; after them the
    /// decision stands with the product owner's dissent recorded.
    public static let revisionsPerPhase = 3

    /// The product owner's vote weight in `vote` mode: above any persona's (`Persona.weight` runs
    /// from 1 to about 2.1), so one person weighs more than one voice but less than the team.
    public static let voteWeight = 2.5
}

/// A gate's exchange as the decision keeps it: which round the person was shown, and the answer.
public struct OwnerRecord: Codable, Sendable, Hashable {
    public var round: Int
    public var answer: OwnerAnswer

    public init(round: Int, answer: OwnerAnswer) {
        self.round = round
        self.answer = answer
    }

    /// The product owner's answer as a vote on `round`: a rejection strongly disagrees, an
    /// amendment disagrees, an approval agrees. Its reason is the person's own words.
    public func vote(weight: Double) -> Vote {
        let option: VoteOption =
            switch answer.kind {
            case .approve: .agree
            case .reject: .stronglyDisagree
            case .amend: .disagree
            }
        return Vote(voter: OwnerAnswer.voterID, option: option, weight: weight, reason: answer.text.isEmpty ? answer.kind.rawValue : answer.text)
    }
}

/// Who adopted a decision, in words: "the team's vote", "the product owner", or the product
/// manager by name.
public enum DecidedBy {
    public static func words(_ id: String, name: (String) -> String) -> String {
        switch id {
        case "team": "the team's vote"
        case OwnerAnswer.voterID: "the product owner"
        default: "\(name(id)) (product manager)"
        }
    }
}
