/// Checks an industry's postings against its entities and lifecycles, each problem located in the file.
enum PostingValidation {
    static func check(_ document: LocatedDocument<Industry>) throws {
        let industry = document.value
        var seen = Set<String>()
        for (index, posting) in industry.postings.enumerated() {
            let at: [PathElement] = ["postings", .index(index)]
            guard let entity = industry.entity(named: posting.entity) else {
                throw document.invalid("unknown entity '\(posting.entity)'", at: at + ["entity"])
            }
            guard seen.insert(entity.name).inserted else {
                throw document.invalid("entity '\(entity.name)' already has a posting", at: at + ["entity"])
            }
            // The balance is moved by the service that keeps it, over HTTP.
            guard let relation = entity.relations.first(where: { $0.name == posting.account }), relation.required,
                let account = industry.entity(named: relation.entity), account.context != entity.context
            else {
                throw document.invalid("'\(posting.account)' is not a required relation of \(entity.name) to another context's entity", at: at + ["account"])
            }
            guard account.fields.contains(where: { $0.name == posting.balance && $0.type == .money && $0.required }) else {
                throw document.invalid("'\(posting.balance)' is not a required money field of \(account.name)", at: at + ["balance"])
            }
            guard entity.fields.contains(where: { $0.name == posting.amount && $0.type == .money && $0.required && ($0.minimum ?? 0) > 0 }) else {
                throw document.invalid("'\(posting.amount)' is not a required money field of \(entity.name) with a minimum above 0", at: at + ["amount"])
            }
            if let name = posting.direction {
                guard let direction = entity.fields.first(where: { $0.name == name && $0.type == .choice && $0.required }) else {
                    throw document.invalid("'\(name)' is not a required choice field of \(entity.name)", at: at + ["direction"])
                }
                guard let debit = posting.debit, (direction.values ?? []).contains(debit) else {
                    throw document.invalid("'\(posting.debit ?? "")' is not a value of \(entity.name).\(direction.name)", at: at + ["debit"])
                }
            } else if posting.debit != nil {
                throw document.invalid("a debit value needs a direction field to compare with", at: at + ["debit"])
            }
            if let counterpart = posting.counterpart {
                guard counterpart != posting.account,
                    entity.relations.contains(where: { $0.name == counterpart && $0.required && $0.entity == account.name })
                else {
                    throw document.invalid(
                        "'\(counterpart)' is not another required relation of \(entity.name) to \(account.name)", at: at + ["counterpart"])
                }
            }
            let transitions = industry.lifecycles.first { $0.entity == entity.name }?.transitions.map(\.name) ?? []
            guard transitions.contains(posting.postedBy) else {
                throw document.invalid("'\(posting.postedBy)' is not a transition of \(entity.name)'s lifecycle", at: at + ["posted_by"])
            }
            if let reversedBy = posting.reversedBy, !transitions.contains(reversedBy) || reversedBy == posting.postedBy {
                throw document.invalid("'\(reversedBy)' is not another transition of \(entity.name)'s lifecycle", at: at + ["reversed_by"])
            }
        }
    }
}
