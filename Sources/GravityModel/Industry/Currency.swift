/// A currency by its ISO 4217 code, with the number of decimal places its amounts have (its minor
/// unit): USD and EUR 2, JPY 0, KWD 3. Money fields are stored and sent with exactly that many.
public struct Currency: Sendable, Hashable {
    public let code: String
    public let scale: Int

    /// The currency with `code`, if it is one this tool knows.
    public init?(code: String) {
        guard let scale = Self.scales[code] else { return nil }
        self.code = code
        self.scale = scale
    }

    /// ISO 4217 minor units of the currencies in general use.
    static let scales: [String: Int] = [
        "AED": 2, "ARS": 2, "AUD": 2, "BGN": 2, "BHD": 3, "BRL": 2, "CAD": 2, "CHF": 2, "CLP": 0, "CNY": 2,
        "COP": 2, "CZK": 2, "DKK": 2, "EGP": 2, "EUR": 2, "GBP": 2, "HKD": 2, "HUF": 2, "IDR": 2, "ILS": 2,
        "INR": 2, "ISK": 0, "JOD": 3, "JPY": 0, "KES": 2, "KRW": 0, "KWD": 3, "MAD": 2, "MXN": 2, "MYR": 2,
        "NGN": 2, "NOK": 2, "NZD": 2, "OMR": 3, "PEN": 2, "PHP": 2, "PKR": 2, "PLN": 2, "QAR": 2, "RON": 2,
        "SAR": 2, "SEK": 2, "SGD": 2, "THB": 2, "TND": 3, "TRY": 2, "TWD": 2, "UAH": 2, "USD": 2, "VND": 0,
        "ZAR": 2,
    ]

    /// A few codes, for messages that name what is accepted.
    public static let examples = "USD, EUR, GBP, JPY"
}
