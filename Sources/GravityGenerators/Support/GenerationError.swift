import GravityModel

/// Why an application cannot be generated from a Blueprint.
public enum GenerationError: Error, CustomStringConvertible, Equatable {
    case incompleteBlueprint(missing: [String])
    case nameCollision(kind: String, first: String, second: String, safe: String)
    case danglingReference(from: String, to: String)
    case missingCurrency(column: String)
    case unknownCurrency(String)
    case incoherentLifecycle(entity: String, problem: String)
    case incoherentStock(entity: String, problem: String)
    case incoherentSchedule(entity: String, problem: String)
    case reservedRole(String)
    case incoherentClaim(entity: String, problem: String)
    case incoherentPlacement(entity: String, problem: String)
    case incoherentPosting(entity: String, problem: String)
    case incoherentPrecondition(id: String, problem: String)
    case incoherentUniqueness(table: String, problem: String)
    /// A change whose schema difference no forward migration makes without losing what is stored.
    case unsupportedMigration(service: String, problem: String)

    public var description: String {
        switch self {
        case .incompleteBlueprint(let missing):
            "the Blueprint has no \(missing.joined(separator: ", ")) section; every phase must be decided before generating"
        case .nameCollision(let kind, let first, let second, let safe):
            "\(kind) names '\(first)' and '\(second)' both become '\(safe)' in code; rename one of them"
        case .danglingReference(let from, let to):
            "\(from) refers to '\(to)', which the Blueprint does not define"
        case .missingCurrency(let column):
            "\(column) is money, but the Blueprint names no currency (requirements.currency, an ISO 4217 code such as USD)"
        case .unknownCurrency(let code):
            "the Blueprint's currency '\(code)' is not an ISO 4217 code this tool knows (e.g. \(Currency.examples))"
        case .incoherentLifecycle(let entity, let problem):
            "requirements.lifecycles: the lifecycle of \(entity) \(problem)"
        case .incoherentStock(let entity, let problem):
            "requirements.stocks: the stock of \(entity) \(problem)"
        case .incoherentClaim(let entity, let problem):
            "requirements.claims: the claim of \(entity) \(problem)"
        case .incoherentPlacement(let entity, let problem):
            "requirements.placements: the placement of \(entity) \(problem)"
        case .incoherentPosting(let entity, let problem):
            "requirements.postings: the posting of \(entity) \(problem)"
        case .incoherentPrecondition(let id, let problem):
            "requirements.preconditions: precondition \(id) \(problem)"
        case .incoherentUniqueness(let table, let problem):
            "database.stores: the unique_together of \(table) \(problem)"
        case .unsupportedMigration(let service, let problem):
            "database: the \(service) service cannot be migrated forward: \(problem)"
        case .reservedRole(let role):
            "requirements.roles: '\(role)' is the role services call each other as; give the people another name"
        case .incoherentSchedule(let entity, let problem):
            "requirements.schedules: the schedule of \(entity) \(problem)"
        }
    }
}
