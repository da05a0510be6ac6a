import Foundation

extension DeploymentSection {
    /// A unit per service at most, for services that exist, with replicas within bounds, a health
    /// check path, and resource limits Kubernetes reads (`500m`, `256Mi`) or the defaults.
    func normalised(in scope: ProposalScope) -> DeploymentSection {
        var section = self
        section.targets = targets.firstOfEach()
        section.gateways = gateways.filter { key, value in DeploymentTarget(rawValue: key) != nil && value.isNameable }
        let known = Set(scope.services.map(\.name))
        section.units = units.filter { known.contains($0.service) }.firstOfEach(by: \.service).map { unit in
            var unit = unit
            unit.replicas = SectionBounds.replicas.clamp(unit.replicas)
            if !unit.healthCheck.routeKey.isNameable { unit.healthCheck = "/health" }
            if unit.cpuLimit.range(of: #"^[1-9][0-9]{0,4}m$|^[1-9][0-9]?(\.[0-9]{1,3})?$"#, options: .regularExpression) == nil { unit.cpuLimit = "500m" }
            if unit.memoryLimit.range(of: #"^[1-9][0-9]{0,5}(Ki|Mi|Gi)$"#, options: .regularExpression) == nil { unit.memoryLimit = "256Mi" }
            return unit
        }
        return section
    }
}
