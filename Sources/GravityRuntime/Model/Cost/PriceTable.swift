import Foundation
import GravityModel

/// Prices per million tokens by model, from `prices.yaml`, for the estimated cost of a run.
public struct PriceTable: Codable, Sendable {
    public struct Price: Codable, Sendable, Hashable {
        public var prompt: Double
        public var completion: Double
    }

    /// The environment variable that names another price file.
    public static let environmentVariable = "GRAVITY_PRICES"
    public static let fileName = "prices.yaml"

    /// The model a mock run is priced at.
    public var reference: String?
    public var models: [String: Price]

    public static let empty = PriceTable(reference: nil, models: [:])

    /// `explicit`, else $GRAVITY_PRICES, else `prices.yaml` of the data source, else no prices.
    public static func load(
        explicit: String?,
        data: DataSource?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> PriceTable
    {
        let document: LocatedDocument<PriceTable>
        if let chosen = explicit ?? environment[environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            document = try YAMLDocument.loadLocated(PriceTable.self, from: chosen)
        } else if let data, data.has(fileName) {
            document = try data.document(PriceTable.self, at: fileName)
        } else {
            return .empty
        }
        // NaN compares false with everything, so the test is for what a price must be.
        for (name, price) in document.value.models.sorted(by: { $0.key < $1.key })
        where !(price.prompt >= 0 && price.prompt.isFinite && price.completion >= 0 && price.completion.isFinite) {
            throw document.invalid("prices must be finite and not negative", at: ["models", .key(name)])
        }
        if let reference = document.value.reference, document.value.models[reference] == nil {
            throw document.invalid("'\(reference)' is not among the models", at: ["reference"])
        }
        return document.value
    }

    /// What a run of `modelLabel` (`openai:gpt-4o-mini`, `mock`) that used `usage` costs, and at
    /// which model's prices; nil when there is no price for it.
    public func estimate(modelLabel: String, usage: TokenUsage) -> (dollars: Double, pricedAs: String)? {
        let name: String
        if modelLabel == "mock" {
            guard let reference else { return nil }
            name = reference
        } else {
            let model = modelLabel.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init) ?? modelLabel
            name = model.hasSuffix(":latest") ? String(model.dropLast(":latest".count)) : model
        }
        guard let price = models[name] else { return nil }
        return (Double(usage.prompt) / 1e6 * price.prompt + Double(usage.completion) / 1e6 * price.completion, name)
    }
}
