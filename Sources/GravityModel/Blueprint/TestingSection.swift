/// The tests one service must have.
public struct TestSuiteSpec: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case unit, api, integration, contract }

    public var service: String
    public var kinds: [Kind]
    public var minimumCoverage: Int

    enum CodingKeys: String, CodingKey {
        case service, kinds
        case minimumCoverage = "minimum_coverage"
    }

    public init(service: String, kinds: [Kind], minimumCoverage: Int) {
        self.service = service
        self.kinds = kinds
        self.minimumCoverage = minimumCoverage
    }
}

/// The test plan.
public struct TestingSection: Codable, Sendable, Hashable {
    public var framework: String
    public var suites: [TestSuiteSpec]
    public var practices: [String]

    public init(framework: String, suites: [TestSuiteSpec], practices: [String]) {
        self.framework = framework
        self.suites = suites
        self.practices = practices
    }
}
