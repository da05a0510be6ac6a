extension TestingSection {
    /// A suite per service at most, for services that exist, with a coverage target within bounds.
    func normalised(in scope: ProposalScope) -> TestingSection {
        var section = self
        let known = Set(scope.services.map(\.name))
        section.suites = suites.filter { known.contains($0.service) }.firstOfEach(by: \.service).map { suite in
            var suite = suite
            suite.kinds = suite.kinds.firstOfEach()
            suite.minimumCoverage = SectionBounds.minimumCoverage.clamp(suite.minimumCoverage)
            return suite
        }
        return section
    }
}
