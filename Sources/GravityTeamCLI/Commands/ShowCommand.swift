import ArgumentParser
import GravityModel
import GravityRuntime

/// `gravity-team show`: a transcript as a readable timeline.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a transcript as a timeline: phases, proposals, every vote and reason, tallies, decisions."
    )

    @Argument(help: "The transcript to show.")
    var transcript: String

    @OptionGroup var data: DataOptions

    func run() throws {
        let recorded = try Transcript(path: transcript, allowingPartialTail: true)
        // Names come from the team when its files are at hand; ids do otherwise.
        let team = try? data.catalog().team(for: data.catalog().industry(recorded.header.industry))
        print(TimelineRenderer(team: team).render(recorded))
    }
}
