/// A record whose posting moves the money balance of a record in another service, e.g. a ledger
/// transaction debiting or crediting its account, or a transfer debiting one account and crediting
/// another by the same amount, both at once. A balance never goes below zero: a debit larger than
/// it is refused. Reversing moves back what posting moved.
public struct Posting: Codable, Sendable, Hashable {
    public var entity: String
    /// The relation to the record whose balance moves (`account`).
    public var account: String
    /// The entity's money field: how much moves (more than zero).
    public var amount: String
    /// The entity's choice field saying which way it moves, and the value of it that takes from the
    /// balance; every other value adds to it. Without them, posting always takes from the balance.
    public var direction: String?
    public var debit: String?
    /// A second relation to a record of the same entity as `account`, whose balance moves the other
    /// way by the same amount, in the same transaction (a transfer's receiving account).
    public var counterpart: String?
    /// The related record's money field that moves.
    public var balance: String
    /// The transition of the entity's lifecycle that moves the balance, and the one that moves it back.
    public var postedBy: String
    public var reversedBy: String?

    enum CodingKeys: String, CodingKey {
        case entity, account, amount, direction, debit, balance, counterpart
        case postedBy = "posted_by"
        case reversedBy = "reversed_by"
    }

    public init(
        entity: String, account: String, amount: String, direction: String? = nil, debit: String? = nil, balance: String, postedBy: String,
        reversedBy: String? = nil, counterpart: String? = nil
    ) {
        self.entity = entity
        self.account = account
        self.amount = amount
        self.direction = direction
        self.debit = debit
        self.balance = balance
        self.postedBy = postedBy
        self.reversedBy = reversedBy
        self.counterpart = counterpart
    }
}
