import GravityModel

extension AppModel {
    /// A schedule as the generators use it: bookings of one resource (the record `resourceColumn`
    /// points at) may not overlap, each from `starts` for `minutes`, unless in a freeing state.
    public struct Schedule: Sendable {
        public var resource: String
        public var resourceColumn: String
        public var resourceClass: String
        public var starts: String
        public var minutes: String
        /// The lifecycle's status column, when some of its states free a booking's time.
        public var stateField: String?
        public var frees: [String]

        /// A booking lasts at most a day.
        public static let longestMinutes = 24 * 60
    }
}
