extension Blueprint {
    /// The counts the database keeps from going below zero, as (entity, field): each stock's count,
    /// and the balance of each account that postings move.
    public func boundedCounts(industry: Industry) -> [(entity: String, field: String)] {
        (requirements?.stocks ?? []).map { ($0.entity, $0.field) }
            + (requirements?.postings ?? []).compactMap { posting in industry.account(of: posting).map { ($0, posting.balance) } }
    }
}
