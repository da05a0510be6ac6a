import ArgumentParser
import GravityModel
import GravityRuntime

/// `gravity-team diff`: where two runs part.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two transcripts: the first decision where they differ and a per-phase comparison. Exits 1 when they differ."
    )

    @Argument(help: "The first transcript (a).")
    var a: String

    @Argument(help: "The second transcript (b).")
    var b: String

    func run() throws {
        let left = try Transcript(path: a, allowingPartialTail: true)
        let right = try Transcript(path: b, allowingPartialTail: true)
        let comparison = TranscriptComparison(left, right)
        print("a: \(a) (\(Self.describe(left.header)))")
        print("b: \(b) (\(Self.describe(right.header)))")
        print("first difference: \(comparison.firstDifference ?? "none: the runs decided every phase the same way")")
        print("")
        var table = TextTable(header: ["phase", "a", "b", "votes changed"])
        for row in comparison.rows {
            table.rows.append([row.phase.rawValue, row.left, row.right, String(row.changedVotes.count)])
        }
        print(table.render())
        for row in comparison.rows where !row.changedVotes.isEmpty {
            print("")
            print("\(row.phase.rawValue):")
            for change in row.changedVotes { print("  \(change)") }
        }
        if !comparison.isSame { throw ExitCode(1) }
    }

    /// A transcript's run in a few words; a change's names the change and its parent.
    static func describe(_ header: TranscriptHeader) -> String {
        let run = "\(header.industry), seed \(header.seed), \(header.model)"
        guard let change = header.change, let parent = header.parent else { return run }
        return "\(run); the change '\(change.name)' to what \(parent.file) left"
    }
}
