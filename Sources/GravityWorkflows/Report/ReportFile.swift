import Foundation
import GravityModel
import GravityReport
import GravityRuntime
import GravitySystem

/// A run's HTML report on disk: where `develop` puts it, and writing it without taking a file that
/// is not one.
public enum ReportFile {
    /// What the page's generator tag says; a file without it is someone else's and is never replaced.
    static let generatorTag = #"<meta name="generator" content="gravity-team report">"#

    /// The report's name beside a transcript: `report.html` for `transcript.jsonl`,
    /// `report.0002-reviews.html` for a change's `transcript.0002-reviews.jsonl`.
    public static func name(forTranscript path: String) -> String {
        let file = (path as NSString).lastPathComponent
        guard file.hasPrefix("transcript."), file.hasSuffix(".jsonl") else { return "report.html" }
        return "report" + file.dropFirst("transcript".count).dropLast(".jsonl".count) + ".html"
    }

    /// The page for `transcript` (finished or not), linking the files of the application in
    /// `appDirectory` as seen from `pageDirectory`.
    public static func render(
        _ transcript: Transcript, team: Team?, prices: PriceTable, appDirectory: String?, pageDirectory: String
    ) -> String {
        render(transcript, team: team, prices: prices, appDirectory: appDirectory, appLink: appDirectory.map { RelativePath.from(pageDirectory, to: $0) })
    }

    /// The same page with the application's files linked under `appLink` (a URL path on a server).
    public static func render(_ transcript: Transcript, team: Team?, prices: PriceTable, appDirectory: String?, appLink: String?) -> String {
        let blueprint = appDirectory.flatMap { matchingBlueprint(in: $0, digest: transcript.events.last?.summary?.blueprintDigest) }
        let report = RunReport(transcript, team: team, prices: prices, blueprint: blueprint)
        return ReportPage(report, appLink: appDirectory == nil ? nil : appLink).render()
    }

    /// Writes `html` to `path` unless a file there is not a report (then nothing is written and
    /// the answer is false).
    @discardableResult
    public static func write(_ html: String, to path: String) throws -> Bool {
        if let existing = FileManager.default.contents(atPath: path), !String(decoding: existing.prefix(2_048), as: UTF8.self).contains(generatorTag) {
            return false
        }
        try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return true
    }

    /// The application's blueprint.json when it is the one this run decided (a later change
    /// rewrites it; the report of an earlier run then reads the run's own proposals).
    private static func matchingBlueprint(in directory: String, digest: String?) -> Blueprint? {
        // A run not finished has no digest: the file there is an earlier run's, if any.
        guard let digest, let blueprint = try? BlueprintFile.read("\(directory)/blueprint.json") else { return nil }
        return (try? BlueprintDigest.of(blueprint)) == digest ? blueprint : nil
    }
}
