/// A fact computed from a proposal's structure (not declared by it), which concerns can require.
public enum StructuralFact: String, Codable, Sendable, PhaseScoped {
    case mustHaveFeatures = "requirements.must_have_features"
    case rolesDefined = "requirements.roles_defined"
    case rulesInScope = "requirements.rules_in_scope"
    case entitiesOwned = "architecture.entities_owned"
    case acyclicDependencies = "architecture.acyclic_dependencies"
    case dependenciesFollowRelations = "architecture.dependencies_follow_relations"
    case rulesPlaced = "architecture.rules_placed"
    case tablePerEntity = "database.table_per_entity"
    case foreignKeysIndexed = "database.foreign_keys_indexed"
    case invariantsEnforced = "database.invariants_enforced"
    case pagePerEntity = "frontend.page_per_entity"
    case loginPage = "frontend.login_page"
    case crudPerEntity = "backend.crud_per_entity"
    case writesProtected = "backend.writes_protected"
    case crossServiceChecks = "backend.cross_service_checks"
    case transitionsGuarded = "backend.transitions_guarded"
    case stockReserved = "backend.stock_reserved"
    case policyPerRole = "security.policy_per_role"
    case passwordsHashed = "security.passwords_hashed"
    case suitePerService = "testing.suite_per_service"
    case unitPerService = "deployment.unit_per_service"
    case healthChecks = "deployment.health_checks"

    /// What must be true, in words, for dissent and documentation.
    public var summary: String {
        switch self {
        case .mustHaveFeatures:
            "every must-have feature of the industry is in scope (with a brief of its own: it has must-have features, each on entities in scope)"
        case .rolesDefined: "every user role of the industry is listed (with a brief of its own: it lists roles)"
        case .rulesInScope: "every rule the industry describes for an entity in scope (workflows, stocks, schedules, claims, placements, postings) is adopted"
        case .entitiesOwned: "every entity in scope is owned by exactly one service"
        case .acyclicDependencies: "service dependencies have no cycle"
        case .dependenciesFollowRelations: "a service that refers to another service's entity depends on that service"
        case .rulesPlaced:
            "an entity with a rule is kept with what the rule works on (an order with its lines, a booking with what it books) and apart from the stock or balance it takes from, whose service guards it"
        case .tablePerEntity: "every entity in scope has a table"
        case .foreignKeysIndexed: "every foreign key and cross-service reference column is indexed"
        case .invariantsEnforced:
            "the database refuses a stock, or a balance that postings move, below zero: the column is NOT NULL with a CHECK against it"
        case .pagePerEntity: "every entity in scope has a page"
        case .loginPage: "the app has a login page when it has user roles"
        case .crudPerEntity:
            "every entity has list and get endpoints; create, update and delete unless a lifecycle moves it (then create and a transition each) or it is an order's line, written only with its order"
        case .writesProtected: "no create, update or delete endpoint is public, when the app has user roles"
        case .crossServiceChecks: "a service that refers to another service's entity calls it to check the reference"
        case .stockReserved:
            "an entity with a stock, or a balance that postings move, has endpoints to reserve (move) it and release (reverse) that, neither public"
        case .transitionsGuarded:
            "an entity with a lifecycle changes only through its transitions: an endpoint each, none public, and no update or delete"
        case .policyPerRole: "every user role has an access policy"
        case .passwordsHashed: "passwords are stored hashed"
        case .suitePerService: "every service has a test suite"
        case .unitPerService: "every service has a deployment unit"
        case .healthChecks: "every deployment unit has a health check"
        }
    }

    /// The structural facts of `phase`.
    public static func facts(of phase: Phase) -> [StructuralFact] { all(of: phase) }
}
