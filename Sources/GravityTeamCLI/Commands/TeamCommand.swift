import ArgumentParser
import GravityModel
import GravityRuntime

/// `gravity-team team`: the members, their roles and vote weights.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "team", abstract: "List the team for an industry, with vote weights.")

    @Option(help: "Industry id from industries/, or a path to an industry YAML file.")
    var industry = "general"

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let catalog = try data.catalog()
        let team = try catalog.team(for: catalog.industry(industry))
        let members = team.members.map(TeamMemberSummary.init)
        if json {
            try printJSON(TeamListing(industry: team.industry.id, members: members))
            return
        }
        var table = TextTable(header: ["id", "name", "role", "iq", "experience", "weight", "leads"])
        for member in members {
            table.rows.append([
                member.id, member.name, member.role, String(member.iq), String(member.experienceYears),
                String(format: "%.2f", member.weight), member.leads.map(\.rawValue).joined(separator: ", "),
            ])
        }
        print(table.render())
    }
}

struct TeamListing: Encodable {
    var industry: String
    var members: [TeamMemberSummary]
}

struct TeamMemberSummary: Encodable {
    var id: String
    var name: String
    var role: String
    var specialization: String
    var iq: Int
    var experienceYears: Int
    var weight: Double
    var leads: [Phase]

    enum CodingKeys: String, CodingKey {
        case id, name, role, specialization, iq, weight, leads
        case experienceYears = "experience_years"
    }

    init(_ persona: Persona) {
        id = persona.id
        name = persona.name
        role = persona.role.rawValue
        specialization = persona.specialization
        iq = persona.iq
        experienceYears = persona.experienceYears
        weight = persona.weight
        leads = persona.leads
    }
}
