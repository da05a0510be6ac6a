extension Industry {
    /// This industry with `change` applied: removals first, then additions after what was there
    /// (new roles before the last, administering one). Not checked; `ChangeValidation` checks it.
    public func applying(_ change: ChangeRequest) -> Industry {
        var changed = self
        for removal in change.remove {
            guard let index = changed.entities.firstIndex(where: { $0.name == removal.entity }) else { continue }
            changed.entities[index].fields.removeAll { $0.name == removal.field }
            changed.entities[index].relations.removeAll { $0.name == removal.field }
        }
        if changed.roles.isEmpty {
            changed.roles = change.roles
        } else {
            changed.roles.insert(contentsOf: change.roles, at: changed.roles.count - 1)
        }
        changed.contexts += change.contexts
        changed.entities += change.entities
        for addition in change.extend {
            guard let index = changed.entities.firstIndex(where: { $0.name == addition.entity }) else { continue }
            changed.entities[index].fields += addition.fields
            changed.entities[index].relations += addition.relations
            changed.entities[index].uniqueTogether += addition.uniqueTogether
        }
        changed.features += change.features
        changed.lifecycles += change.rules.lifecycles
        changed.stocks += change.rules.stocks
        changed.schedules += change.rules.schedules
        changed.claims += change.rules.claims
        changed.placements += change.rules.placements
        changed.postings += change.rules.postings
        changed.preconditions += change.rules.preconditions
        return changed
    }

    /// Where a path into `applying(change)` is in the change file: what the change added is at its
    /// own place there; the rest (the industry's own) at the file's top.
    func changePath(_ path: [PathElement], change: ChangeRequest) -> [PathElement] {
        let located = addedPath(path, change: change)
        guard located.isEmpty else { return located }
        // A problem in what the industry had comes of what the change takes away or relates anew.
        if !change.remove.isEmpty { return ["remove"] }
        return change.entities.isEmpty ? (change.extend.isEmpty ? ["name"] : ["extend"]) : ["entities"]
    }

    private func addedPath(_ path: [PathElement], change: ChangeRequest) -> [PathElement] {
        guard case .key(let list)? = path.first, path.count >= 2, case .index(let index) = path[1] else { return [] }
        let rest = Array(path.dropFirst(2))
        func added(_ before: Int, as key: String) -> [PathElement] {
            index >= before ? [.key(key), .index(index - before)] + rest : []
        }
        switch list {
        case "roles":
            guard let role = applying(change).roles[safe: index], let own = change.roles.firstIndex(of: role) else { return [] }
            return ["roles", .index(own)] + rest
        case "contexts": return added(contexts.count, as: "contexts")
        case "features": return added(features.count, as: "features")
        case "lifecycles": return added(lifecycles.count, as: "lifecycles")
        case "stocks": return added(stocks.count, as: "stocks")
        case "schedules": return added(schedules.count, as: "schedules")
        case "claims": return added(claims.count, as: "claims")
        case "placements": return added(placements.count, as: "placements")
        case "postings": return added(postings.count, as: "postings")
        case "preconditions": return added(preconditions.count, as: "preconditions")
        case "entities":
            if index >= entities.count { return added(entities.count, as: "entities") }
            let entity = entities[index]
            guard let extensionIndex = change.extend.firstIndex(where: { $0.entity == entity.name }) else { return [] }
            let kept = applying(ChangeRequest(removing: change.remove)).entities[index]
            guard rest.count >= 2, case .key(let member) = rest[0], case .index(let position) = rest[1] else { return [] }
            let before =
                switch member {
                case "fields": kept.fields.count
                case "relations": kept.relations.count
                case "unique_together": kept.uniqueTogether.count
                default: Int.max
                }
            guard position >= before else { return [] }
            return ["extend", .index(extensionIndex), .key(member), .index(position - before)] + rest.dropFirst(2)
        default: return []
        }
    }
}

extension ChangeRequest {
    /// A change that only takes `removals` away.
    init(removing removals: [MemberRemoval]) {
        self.init(name: "removals", summary: "")
        remove = removals
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
