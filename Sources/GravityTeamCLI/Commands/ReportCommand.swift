import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime
import GravityWorkflows

/// `gravity-team report`: a transcript as one self-contained HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a run's HTML report: timeline, vote matrix, proposals and dissent, tokens and cost, the application.",
        discussion: "The page holds its styles and charts inline and loads nothing, so it opens from file:// anywhere."
    )

    @Argument(help: "The transcript to report on.")
    var transcript: String

    @Option(name: .long, help: "Where to write the page (default: report.html beside the transcript; '-' for standard output).")
    var out: String?

    @Option(name: .long, help: "The application's directory, for its Blueprint and links to its files (default: the transcript's directory when it holds blueprint.json).")
    var app: String?

    @Option(name: .long, help: "Price table for the estimated cost (default: $GRAVITY_PRICES, else prices.yaml of the data).")
    var prices: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        let recorded = try Transcript(path: transcript, allowingPartialTail: true)
        // Names and weights come from the team when its industry is at hand; ids do otherwise.
        let catalog = try data.catalog()
        let team = try? catalog.team(for: catalog.industry(recorded.header.industry))
        let transcriptDirectory = Self.directory(of: transcript)
        let appDirectory = app ?? (FileManager.default.fileExists(atPath: "\(transcriptDirectory)/blueprint.json") ? transcriptDirectory : nil)
        if let app, !FileManager.default.fileExists(atPath: "\(app)/blueprint.json") {
            throw NotAnApp(path: app)
        }
        let destination = out ?? "\(transcriptDirectory)/\(ReportFile.name(forTranscript: transcript))"
        let pageDirectory = destination == "-" ? FileManager.default.currentDirectoryPath : Self.directory(of: destination)
        let html = ReportFile.render(
            recorded, team: team, prices: try PriceTable.load(explicit: prices, data: try? data.source()),
            appDirectory: appDirectory, pageDirectory: pageDirectory
        )
        if destination == "-" {
            print(html, terminator: "")
            return
        }
        guard try ReportFile.write(html, to: destination) else {
            throw NotAReport(path: destination)
        }
        print("Report: \(destination)")
    }
}

extension ReportCommand {
    /// The directory holding `path`, "." for a bare file name.
    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
}

/// A file where the report would go that no report wrote: the user's, never replaced.
struct NotAReport: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path) exists and is not a gravity-team report; pass --out with another path" }
}

/// `--app` naming a directory develop did not write.
struct NotAnApp: Error, CustomStringConvertible {
    var path: String
    var description: String { "--app \(path): no blueprint.json there; pass the directory develop wrote" }
}
