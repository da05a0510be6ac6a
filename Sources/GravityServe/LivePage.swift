import Foundation
import GravityRuntime
import GravityReport
import Mustache

/// A run followed while it goes: the page draws each phase, vote, tally and decision as the
/// transcript gains them (live.js reads `/live/<id>/events`).
struct LivePage {
    static let template = HTMLEscaping.template(PackageResources.live_html_mustache)

    let run: LiveRun
    let id: Int64

    func render() -> String {
        Self.template.render(HTMLEscaping.context([
            "id": "\(id)", "industry": run.industry, "brief": run.brief, "command": run.command,
            "started": IndexPage.time(run.startedAt),
            "state": run.isUnderWay ? "under way" : "ended",
            "run_id": run.runID.map { "\($0)" } ?? "",
            "answers": run.answersFromServe ? "serve" : "elsewhere",
        ]))
    }
}
