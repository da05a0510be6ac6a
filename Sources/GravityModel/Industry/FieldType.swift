/// The abstract type of an entity field; generators map it to each SQL dialect and language.
public enum FieldType: String, Codable, Sendable, CaseIterable {
    case string, text, integer, decimal, boolean, date, datetime, email
    /// One of a fixed set of values (`DomainField.values`).
    case choice
    /// An amount of the industry's currency: exact, with the currency's decimal places.
    case money
}
