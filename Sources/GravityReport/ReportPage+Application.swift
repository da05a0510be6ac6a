import Foundation
import GravityModel
import GravityRuntime

extension ReportPage {
    /// The application the run decided on: its services and entities, the rules the server
    /// enforces, and links to the files the run generated.
    var application: [String: Any] {
        let blueprint = report.blueprint
        var context: [String: Any] = [:]
        if let requirements = blueprint.requirements {
            context["name"] = requirements.appName
            context["summary"] = requirements.summary
            context["roles"] = requirements.roles.joined(separator: ", ")
            context["entities"] = requirements.entities.joined(separator: ", ")
            let rules = Self.rules(requirements)
            context["rules"] = rules
            context["has_rules"] = !rules.isEmpty
        }
        if let architecture = blueprint.architecture {
            context["has_services"] = !architecture.services.isEmpty
            context["services"] = architecture.services.map { service -> [String: Any] in
                [
                    "name": service.name,
                    "kind": service.kind.rawValue,
                    "prefix": service.apiPrefix,
                    "entities": service.entities.joined(separator: ", "),
                    "depends": service.dependsOn.isEmpty ? "none" : service.dependsOn.joined(separator: ", "),
                ]
            }
        }
        context["stores"] = (blueprint.database?.stores ?? []).map { store -> [String: Any] in
            [
                "service": store.service,
                "engines": "\(store.engines.local.rawValue) locally, \(store.engines.production.rawValue) in production",
                "tables": store.tables.map(\.table).joined(separator: ", "),
            ]
        }
        context["has_stores"] = !(blueprint.database?.stores ?? []).isEmpty
        context["files"] = fileGroups
        context["file_count"] = "\(report.artifacts.count)"
        return context
    }

    /// The generated files by top folder (each service's folder on its own), linked where the
    /// application is at hand.
    private var fileGroups: [[String: Any]] {
        var groups: [(name: String, files: [[String: Any]])] = []
        for artifact in report.artifacts {
            let parts = artifact.path.split(separator: "/")
            let group = parts.count > 2 && parts[0] == "services" ? "services/\(parts[1])" : parts.count > 1 ? String(parts[0]) : "(top)"
            var file: [String: Any] = ["path": artifact.path, "bytes": "\(artifact.bytes)"]
            if let appLink { file["href"] = appLink.isEmpty ? artifact.path : "\(appLink)/\(artifact.path)" }
            if let index = groups.firstIndex(where: { $0.name == group }) {
                groups[index].files.append(file)
            } else {
                groups.append((group, [file]))
            }
        }
        return groups.map { ["name": $0.name, "count": "\($0.files.count)", "files": $0.files] }
    }

    /// The industry rules the team adopted, one sentence each.
    static func rules(_ section: RequirementsSection) -> [String] {
        section.lifecycles.map { lifecycle in
            "\(lifecycle.entity).\(lifecycle.field) starts at \(lifecycle.initial) and moves by "
                + lifecycle.transitions.map { "\($0.name) (to \($0.to))" }.joined(separator: ", ")
        }
            + section.stocks.map { "\($0.entity).\($0.field) is a quantity on hand that never goes below zero" }
            + section.schedules.map { "no two \($0.entity) records for the same \($0.resource) overlap (\($0.starts), \($0.minutes) minutes)" }
            + section.claims.map { "each new \($0.entity) takes one unit of \($0.stock)" }
            + section.placements.map { "each \($0.entity) is placed with its \($0.lines) in one request, each line taking \($0.stock) at its price" }
            + section.postings.map { "posting each \($0.entity) moves \($0.account) by \($0.amount); the \($0.balance) never goes below zero" }
            + section.preconditions.map { "\($0.entity): \($0.text)" }
    }
}
