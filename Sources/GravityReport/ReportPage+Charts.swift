import Foundation
import GravityModel
import GravityRuntime

extension ReportPage {
    /// Tokens, and their estimated cost, by phase and by persona.
    var charts: [String: Any] {
        let byPhase = report.phases.filter { $0.usage.calls > 0 }.map { phase in
            row(phase.phase.title, phase.usage)
        }
        let byPersona = report.members.compactMap { member in report.personaUsage[member.id].map { (member.name, $0) } }
            .sorted { ($0.1.tokens.total, $1.0) > ($1.1.tokens.total, $0.0) }
            .map { row($0.0, $0.1) }
        var context: [String: Any] = [
            "phase_chart": BarChart(id: "tokens-by-phase", title: "Tokens by phase", bars: byPhase.map(\.bar)).context,
            "persona_chart": BarChart(id: "tokens-by-persona", title: "Tokens by persona", bars: byPersona.map(\.bar)).context,
            "phase_rows": byPhase.map(\.cells),
            "persona_rows": byPersona.map(\.cells),
            "calls": "\(report.total.calls)",
            "tokens": "\(report.total.tokens.total)",
            "prompt_tokens": "\(report.total.tokens.prompt)",
            "completion_tokens": "\(report.total.tokens.completion)",
            "estimated": header.model == "mock" ? "estimated: the mock model counts a token per four characters" : "as the model server reported them",
        ]
        if let dollars = report.total.dollars, let pricedAs = report.pricedAs {
            context["cost"] = Self.dollars(dollars)
            context["priced_as"] = pricedAs
        }
        return context
    }

    private var header: TranscriptHeader { report.header }

    private func row(_ label: String, _ usage: RunReport.Usage) -> (bar: BarChart.Bar, cells: [String: Any]) {
        let tokens = Self.tokens(usage.tokens.total)
        let cost = usage.dollars.map(Self.dollars)
        return (
            BarChart.Bar(label: label, value: Double(usage.tokens.total), text: cost.map { "\(tokens), \($0)" } ?? tokens),
            ["label": label, "calls": "\(usage.calls)", "tokens": "\(usage.tokens.total)", "cost": cost ?? "no price"]
        )
    }

    static func tokens(_ count: Int) -> String {
        count >= 1_000 ? String(format: "%.1fk", Double(count) / 1_000) : "\(count)"
    }

    static func dollars(_ value: Double) -> String {
        String(format: "$%.4f", value)
    }
}
