import ArgumentParser
import GravityModel
import GravityRuntime

/// `gravity-team industries`: what industries/ offers, and new ones drafted from a brief.
struct IndustriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "industries",
        abstract: "List the industries the team knows, or draft a new one.",
        subcommands: [IndustriesListCommand.self, IndustriesNewCommand.self],
        defaultSubcommand: IndustriesListCommand.self
    )
}

/// `gravity-team industries [list]`: the table (or JSON) of the industries.
struct IndustriesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the industries the team knows.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let catalog = try data.catalog()
        let industries = try catalog.industryIDs.map { try IndustrySummary(catalog.industry($0)) }
        if json {
            try printJSON(industries)
            return
        }
        var table = TextTable(header: ["id", "name", "consultant", "entities", "features", "compliance"])
        for industry in industries {
            table.rows.append([
                industry.id, industry.name, industry.consultant, String(industry.entities.count), String(industry.features),
                industry.compliance.joined(separator: ", "),
            ])
        }
        print(table.render())
    }
}

struct IndustrySummary: Encodable {
    var id: String
    var name: String
    var description: String
    var consultant: String
    var roles: [String]
    var entities: [String]
    var features: Int
    var compliance: [String]

    init(_ industry: Industry) {
        id = industry.id
        name = industry.name
        description = industry.description
        consultant = industry.consultant.name
        roles = industry.roles
        entities = industry.entities.map(\.name)
        features = industry.features.count
        var standards: [String] = []
        for item in industry.compliance where !standards.contains(item.standard) { standards.append(item.standard) }
        compliance = standards
    }
}
