/// The job a persona does on the team.
public enum Role: String, Codable, Sendable, CaseIterable {
    case softwareAnalyst = "software_analyst"
    case systemArchitect = "system_architect"
    case backendDeveloper = "backend_developer"
    case frontendDeveloper = "frontend_developer"
    case databaseArchitect = "database_architect"
    case uiUxDesigner = "ui_ux_designer"
    case securityExpert = "security_expert"
    case devopsEngineer = "devops_engineer"
    case qaEngineer = "qa_engineer"
    case performanceExpert = "performance_expert"
    case productManager = "product_manager"
    case industryConsultant = "industry_consultant"

    /// A human-readable title, e.g. "System Architect".
    public var title: String {
        switch self {
        case .softwareAnalyst: "Software Analyst"
        case .systemArchitect: "System Architect"
        case .backendDeveloper: "Backend Developer"
        case .frontendDeveloper: "Frontend Developer"
        case .databaseArchitect: "Database Architect"
        case .uiUxDesigner: "UI/UX Designer"
        case .securityExpert: "Security Expert"
        case .devopsEngineer: "DevOps Engineer"
        case .qaEngineer: "QA Engineer"
        case .performanceExpert: "Performance Expert"
        case .productManager: "Product Manager"
        case .industryConsultant: "Industry Consultant"
        }
    }
}
