import GravityModel

extension AppModel {
    /// A money balance that other services' postings move, on the entity that keeps it (an account):
    /// moved only through its service's movements, never below zero, each movement kept under its key.
    public struct Balance: Sendable {
        public var field: String
        /// The class and table of movements (one per key), kept in the service's `internalTables`.
        public var movementClass: String
        public var movementTable: String
        /// The movements' column naming the record (`account_id`).
        public var reference: String
    }

    /// A posting as the generators use it, on the entity posted (a ledger transaction, a transfer):
    /// its posting transition moves the balance of the record `column` refers to in another service,
    /// by `amount`, down when `direction` is `debit` (always, without a direction), and the balance of
    /// the record `counterpartColumn` refers to, if any, up by as much; its reversing transition
    /// moves them back.
    public struct Posting: Sendable {
        public var column: String
        public var reference: Entity.Reference
        public var amount: String
        public var direction: String?
        public var debit: String?
        public var counterpartColumn: String?
        public var postedBy: String
        public var reversedBy: String?
        /// The server's column holding the movement's key, made when the record is created so that a
        /// retried posting never moves twice.
        public var keyColumn: String

        public static let keyColumn = "movement_key"
    }
}
