/// The typed body of a proposal: one Blueprint section, matching the phase.
public enum ProposalContent: Sendable, Hashable {
    case requirements(RequirementsSection)
    case architecture(ArchitectureSection)
    case database(DatabaseSection)
    case frontend(FrontendSection)
    case backend(BackendSection)
    case security(SecuritySection)
    case testing(TestingSection)
    case deployment(DeploymentSection)

    /// The phase whose section this is.
    public var phase: Phase {
        switch self {
        case .requirements: .requirements
        case .architecture: .architecture
        case .database: .database
        case .frontend: .frontend
        case .backend: .backend
        case .security: .security
        case .testing: .testing
        case .deployment: .deployment
        }
    }

    /// The practices the section adopts.
    public var practices: [String] {
        switch self {
        case .requirements(let section): section.practices
        case .architecture(let section): section.practices
        case .database(let section): section.practices
        case .frontend(let section): section.practices
        case .backend(let section): section.practices
        case .security(let section): section.practices
        case .testing(let section): section.practices
        case .deployment(let section): section.practices
        }
    }
}

extension ProposalContent: Codable {
    enum CodingKeys: String, CodingKey { case phase, section }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Phase.self, forKey: .phase) {
        case .requirements: self = .requirements(try container.decode(RequirementsSection.self, forKey: .section))
        case .architecture: self = .architecture(try container.decode(ArchitectureSection.self, forKey: .section))
        case .database: self = .database(try container.decode(DatabaseSection.self, forKey: .section))
        case .frontend: self = .frontend(try container.decode(FrontendSection.self, forKey: .section))
        case .backend: self = .backend(try container.decode(BackendSection.self, forKey: .section))
        case .security: self = .security(try container.decode(SecuritySection.self, forKey: .section))
        case .testing: self = .testing(try container.decode(TestingSection.self, forKey: .section))
        case .deployment: self = .deployment(try container.decode(DeploymentSection.self, forKey: .section))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(phase, forKey: .phase)
        switch self {
        case .requirements(let section): try container.encode(section, forKey: .section)
        case .architecture(let section): try container.encode(section, forKey: .section)
        case .database(let section): try container.encode(section, forKey: .section)
        case .frontend(let section): try container.encode(section, forKey: .section)
        case .backend(let section): try container.encode(section, forKey: .section)
        case .security(let section): try container.encode(section, forKey: .section)
        case .testing(let section): try container.encode(section, forKey: .section)
        case .deployment(let section): try container.encode(section, forKey: .section)
        }
    }
}
