extension TestingSection {
    /// A suite per service at most, for services that exist, with a coverage target within bounds.
    func normalised(in scope: ProposalScope) -> TestingSection {
        var section = self
        var services: Set<String> = []
        let known = Set(scope.services.map(\.name))
        section.suites = suites.filter { known.contains($0.service) && services.insert($0.service).inserted }.map { suite in
            var suite = suite
            var kinds: Set<TestSuiteSpec.Kind> = []
            suite.kinds = suite.kinds.filter { kinds.insert($0).inserted }
            suite.minimumCoverage = SectionBounds.minimumCoverage.clamp(suite.minimumCoverage)
            return suite
        }
        return section
    }
}
