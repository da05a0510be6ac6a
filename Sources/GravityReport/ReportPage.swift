import Foundation
import GravityModel
import GravityRuntime
import Mustache

/// A run's report as one self-contained HTML page: styles inline, charts as inline SVG, no script
/// and nothing from the network, so it opens from file:// and under any Content-Security-Policy.
public struct ReportPage: Sendable {
    static let template = HTMLEscaping.template(PackageResources.report_html_mustache)
    public static let styles = String(decoding: PackageResources.report_css, as: UTF8.self)

    let report: RunReport
    /// The application's directory as the page links it (relative to where the page is written).
    let appLink: String?

    /// - Parameter appLink: the application's directory relative to the page's, for links to its
    ///   files; nil when the files are not at hand.
    public init(_ report: RunReport, appLink: String?) {
        self.report = report
        self.appLink = appLink
    }

    public func render() -> String {
        Self.template.render(HTMLEscaping.context(context, raw: ["styles"]))
    }

    var context: [String: Any] {
        let header = report.header
        var context: [String: Any] = [
            "styles": Self.styles,
            "title": report.blueprint.requirements?.appName ?? header.industry,
            "industry": header.industry,
            "brief": header.brief,
            "seed": "\(header.seed)",
            "model": header.model,
            "max_rounds": "\(header.maxRounds)",
            "tool": header.tool,
            "status": report.isComplete ? "finished" : "not finished (the transcript ends after \(report.phases.count) phase(s))",
            "phases": timeline,
            "matrix": voteMatrix,
            "deliberation": deliberation,
            "charts": charts,
            "application": application,
        ]
        if let change = header.change, let parent = header.parent {
            context["change"] = ["name": change.name, "summary": change.summary, "parent": parent.file, "sha": String(parent.sha256.prefix(16))]
        }
        if let summary = report.summary {
            context["blueprint_digest"] = summary.blueprintDigest
        }
        return context
    }

    /// One entry per phase, in order: who led, rounds, outcome and who decided.
    var timeline: [[String: Any]] {
        report.phases.map { phase in
            var entry: [String: Any] = [
                "number": "\(phase.phase.number)",
                "title": phase.phase.title,
                "anchor": "phase-\(phase.phase.rawValue)",
                "lead": phase.lead.map(describe) ?? "",
            ]
            if let kept = phase.kept {
                entry["kept"] = kept
                entry["class"] = "kept"
                return entry
            }
            entry["rounds"] = phase.rounds.map { round in
                ["number": "\(round.number)", "outcome": round.tally?.outcome.label ?? "voting", "class": Self.outcomeClass(round.tally)]
            }
            entry["round_count"] = phase.rounds.count == 1 ? "1 round" : "\(phase.rounds.count) rounds"
            if let decision = phase.decision {
                entry["outcome"] = decision.outcome.label
                entry["class"] = decision.outcome.isApproved ? "approved" : "overruled"
                entry["decided_by"] = DecidedBy.words(decision.decidedBy, name: report.name)
                entry["adopted"] = "round \(decision.adoptedRound)"
            } else {
                entry["class"] = "open"
                entry["outcome"] = "under way"
            }
            return entry
        }
    }

    func describe(_ id: String) -> String {
        guard let member = report.members.first(where: { $0.id == id }), !member.role.isEmpty else { return report.name(id) }
        return "\(member.name) (\(member.role))"
    }

    static func outcomeClass(_ tally: WeightedTally?) -> String {
        guard let tally else { return "open" }
        return tally.isAdoptable ? "approved" : "overruled"
    }

    static func decimal(_ value: Double, places: Int = 2) -> String {
        String(format: "%.\(places)f", value)
    }
}
