/// A fact computed from a proposal's structure (not declared by it), which concerns can require.
public enum StructuralFact: String, Codable, Sendable, CaseIterable {
    case mustHaveFeatures = "requirements.must_have_features"
    case rolesDefined = "requirements.roles_defined"
    case entitiesOwned = "architecture.entities_owned"
    case acyclicDependencies = "architecture.acyclic_dependencies"
    case dependenciesFollowRelations = "architecture.dependencies_follow_relations"
    case tablePerEntity = "database.table_per_entity"
    case foreignKeysIndexed = "database.foreign_keys_indexed"
    case pagePerEntity = "frontend.page_per_entity"
    case loginPage = "frontend.login_page"
    case crudPerEntity = "backend.crud_per_entity"
    case writesProtected = "backend.writes_protected"
    case crossServiceChecks = "backend.cross_service_checks"
    case policyPerRole = "security.policy_per_role"
    case passwordsHashed = "security.passwords_hashed"
    case suitePerService = "testing.suite_per_service"
    case unitPerService = "deployment.unit_per_service"
    case healthChecks = "deployment.health_checks"

    /// The phase whose proposals can establish the fact.
    public var phase: Phase { Phase(rawValue: String(rawValue.prefix { $0 != "." }))! }

    /// The structural facts of `phase`.
    public static func facts(of phase: Phase) -> [StructuralFact] { allCases.filter { $0.phase == phase } }
}
