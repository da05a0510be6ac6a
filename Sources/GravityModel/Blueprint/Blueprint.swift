/// The complete, typed description of the application, assembled from the approved decisions.
public struct Blueprint: Codable, Sendable, Hashable {
    public static let format = "gravity-blueprint"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var industry: String
    public var brief: String
    public var requirements: RequirementsSection?
    public var architecture: ArchitectureSection?
    public var database: DatabaseSection?
    public var frontend: FrontendSection?
    public var backend: BackendSection?
    public var security: SecuritySection?
    public var testing: TestingSection?
    public var deployment: DeploymentSection?

    public init(industry: String, brief: String) {
        self.format = Self.format
        self.version = Self.currentVersion
        self.industry = industry
        self.brief = brief
    }

    /// Records the adopted section of a phase.
    public mutating func apply(_ content: ProposalContent) {
        switch content {
        case .requirements(let section): requirements = section
        case .architecture(let section): architecture = section
        case .database(let section): database = section
        case .frontend(let section): frontend = section
        case .backend(let section): backend = section
        case .security(let section): security = section
        case .testing(let section): testing = section
        case .deployment(let section): deployment = section
        }
    }

    /// This Blueprint with `content` applied.
    public func applying(_ content: ProposalContent) -> Blueprint {
        var copy = self
        copy.apply(content)
        return copy
    }

    /// The entity of the identity service's accounts: a table and endpoints beside the entities in scope.
    public static let accountEntity = "user_account"

    /// The section of `phase`, when it has been decided.
    public func content(of phase: Phase) -> ProposalContent? {
        switch phase {
        case .requirements: requirements.map(ProposalContent.requirements)
        case .architecture: architecture.map(ProposalContent.architecture)
        case .database: database.map(ProposalContent.database)
        case .frontend: frontend.map(ProposalContent.frontend)
        case .backend: backend.map(ProposalContent.backend)
        case .security: security.map(ProposalContent.security)
        case .testing: testing.map(ProposalContent.testing)
        case .deployment: deployment.map(ProposalContent.deployment)
        }
    }

    /// The phases whose sections are still missing.
    public var missingPhases: [Phase] {
        Phase.allCases.filter { phase in
            switch phase {
            case .requirements: requirements == nil
            case .architecture: architecture == nil
            case .database: database == nil
            case .frontend: frontend == nil
            case .backend: backend == nil
            case .security: security == nil
            case .testing: testing == nil
            case .deployment: deployment == nil
            }
        }
    }

    /// Whether every phase has contributed its section.
    public var isComplete: Bool { missingPhases.isEmpty }
}
