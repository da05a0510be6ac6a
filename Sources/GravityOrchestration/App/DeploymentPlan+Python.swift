import Foundation

extension DeploymentPlan {
    /// The union of the services' `requirements.txt` (comments and blank lines left out), sorted, one
    /// per line: what the app's one virtual environment is made from, and so what names it in the cache.
    /// Nil when no service has requirements.
    public var pythonRequirements: String? {
        var lines = Set<String>()
        for service in services {
            guard let text = try? String(contentsOfFile: "\(service.directory)/requirements.txt", encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let requirement = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let trimmed = requirement.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { lines.insert(trimmed) }
            }
        }
        return lines.isEmpty ? nil : lines.sorted().joined(separator: "\n") + "\n"
    }
}
