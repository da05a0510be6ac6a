extension RequirementsSection {
    func completed(breaking broken: [StructuralFact], in scope: ProposalScope) throws(CompletionFailure) -> RequirementsSection {
        var section = self
        let industry = scope.industry
        for fact in broken {
            switch fact {
            case .mustHaveFeatures where scope.industryBrief:
                for feature in industry.features where feature.priority == .must {
                    if let index = section.features.firstIndex(where: { $0.id == feature.id }) {
                        section.features[index] = feature
                    } else {
                        section.features.append(feature)
                    }
                }
                section.entities += industry.features.filter { $0.priority == .must }.flatMap(\.entities).filter { !section.entities.contains($0) }
            case .mustHaveFeatures:
                // The brief's own: the features that name entities are what must be built; one that names none cannot be.
                for index in section.features.indices {
                    section.features[index].priority = section.features[index].entities.isEmpty ? .should : .must
                }
                if !section.features.contains(where: { $0.priority == .must }) {
                    guard !section.entities.isEmpty else {
                        throw CompletionFailure(phase: .requirements, field: "requirements.entities", reason: "the proposal names no entity the application could keep")
                    }
                    section.features.append(Feature(id: "records", title: "Keep the records", priority: .must, entities: section.entities))
                }
            case .rolesDefined where scope.industryBrief:
                section.roles += industry.roles.filter { !section.roles.contains($0) }
            case .rolesDefined:
                // The industry is guidance for a brief of its own: its roles stand in where the proposal names none.
                guard !industry.roles.isEmpty else {
                    throw CompletionFailure(phase: .requirements, field: "requirements.roles", reason: "the brief's own roles are needed and the proposal names none")
                }
                section.roles = industry.roles
            case .rulesInScope:
                let inScope = Set(section.entities)
                let wanted = { (entity: String) in inScope.contains(entity) }
                section.lifecycles = Self.replacing(section.lifecycles, with: industry.lifecycles.filter { wanted($0.entity) }, by: \.entity)
                section.stocks = Self.replacing(section.stocks, with: industry.stocks.filter { wanted($0.entity) }, by: \.entity)
                section.schedules = Self.replacing(section.schedules, with: industry.schedules.filter { wanted($0.entity) }, by: \.entity)
                section.claims = Self.replacing(section.claims, with: industry.claims.filter { wanted($0.entity) }, by: \.entity)
                section.placements = Self.replacing(
                    section.placements, with: industry.placements.filter { wanted($0.entity) && wanted($0.lines) }, by: \.entity
                )
                section.postings = Self.replacing(section.postings, with: industry.postings.filter { wanted($0.entity) }, by: \.entity)
                section.preconditions = Self.replacing(
                    section.preconditions, with: industry.preconditions.filter { wanted($0.entity) && wanted($0.exists) }, by: \.id
                )
            default:
                break
            }
        }
        return section
    }

    /// `rules` with the industry's in place of those for the same entity.
    static func replacing<Rule: Equatable>(_ rules: [Rule], with industry: [Rule], by entity: KeyPath<Rule, String>) -> [Rule] {
        let taken = Set(industry.map { $0[keyPath: entity] })
        return rules.filter { !taken.contains($0[keyPath: entity]) } + industry
    }
}
