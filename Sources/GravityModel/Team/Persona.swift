/// A member of the team: who they are, what they check and which phases they lead.
public struct Persona: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var role: Role
    public var specialization: String
    public var iq: Int
    public var experienceYears: Int
    public var concerns: [Concern]
    public var leads: [Phase]

    enum CodingKeys: String, CodingKey {
        case id, name, role, specialization, iq, concerns, leads
        case experienceYears = "experience_years"
    }

    public init(
        id: String,
        name: String,
        role: Role,
        specialization: String,
        iq: Int,
        experienceYears: Int,
        concerns: [Concern] = [],
        leads: [Phase] = []
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.specialization = specialization
        self.iq = iq
        self.experienceYears = experienceYears
        self.concerns = concerns
        self.leads = leads
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        role = try container.decode(Role.self, forKey: .role)
        specialization = try container.decode(String.self, forKey: .specialization)
        iq = try container.decode(Int.self, forKey: .iq)
        experienceYears = try container.decode(Int.self, forKey: .experienceYears)
        concerns = try container.decodeIfPresent([Concern].self, forKey: .concerns) ?? []
        leads = try container.decodeIfPresent([Phase].self, forKey: .leads) ?? []
    }

    /// The persona's vote weight, from DESIGN.md:
    /// 1.0 + 0.1 * max(0, (iq - 150) / 10) + 0.05 * max(0, experience_years - 10).
    public var weight: Double {
        let raw = 1.0 + 0.1 * max(0, Double(iq - 150) / 10) + 0.05 * max(0, Double(experienceYears - 10))
        // Rounded so that weights print and serialize as the short decimals the formula intends.
        return (raw * 10_000).rounded() / 10_000
    }

    /// The concerns that apply to proposals of `phase`.
    public func concerns(for phase: Phase) -> [Concern] { concerns.filter { $0.phase == phase } }
}
