import GravityModel

extension AppModel {
    /// A claim as the generators use it: creating a record reserves one unit of the stock of the
    /// record `column` refers to, in another service, under a key kept in `keyColumn`.
    public struct Claim: Sendable {
        public var column: String
        public var reference: Entity.Reference
        public var keyColumn: String
        /// Transitions that give the unit back.
        public var releasedBy: [String]

        /// The column naming the key of the reservation a record holds.
        public static let keyColumn = "reservation_key"
    }
}
