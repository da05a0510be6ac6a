import Foundation

/// What a proposal may refer to: the decisions made before its phase, and the industry.
struct ProposalScope {
    let blueprint: Blueprint
    let industry: Industry

    /// Whether the brief is the industry's own, whose features, roles and rules are then the answer.
    var industryBrief: Bool { industry.isOwnBrief(blueprint.brief) }

    var entities: [String] { blueprint.requirements?.entities ?? [] }
    var roles: [String] { blueprint.requirements?.roles ?? [] }
    var services: [ServiceSpec] { blueprint.architecture?.services ?? [] }

    /// The service that owns `entity`; for the accounts, the service that owns no entity.
    func owner(of entity: String) -> String? {
        if entity == Blueprint.accountEntity { return services.first { $0.entities.isEmpty }?.name }
        return blueprint.architecture?.owner(of: entity)?.name
    }
}

/// Names kept once each: those without a letter or digit go (they have no identifier), and of two
/// that become the same identifier the first stays.
struct DistinctNames {
    private var taken: Set<String> = []

    init(reserving reserved: [String] = []) {
        taken = Set(reserved.map(SafeIdentifier.make))
    }

    /// Whether `name` may be kept, claiming its identifier if so.
    mutating func admit(_ name: String) -> Bool {
        guard name.isNameable else { return false }
        return taken.insert(SafeIdentifier.make(name)).inserted
    }

    /// `names` with each admitted in turn.
    static func filter(_ names: [String], reserving reserved: [String] = []) -> [String] {
        var table = DistinctNames(reserving: reserved)
        return names.filter { table.admit($0) }
    }
}

extension String {
    /// Whether this name gives an identifier of its own: one with a letter or digit that survives
    /// `SafeIdentifier` (a name of only punctuation or of letters it cannot spell gives none).
    var isNameable: Bool {
        SafeIdentifier.make(self) != "item" || trimmingCharacters(in: .whitespaces).lowercased() == "item"
    }
}
