import GravityModel

/// Safe names for one namespace (services, entities, the columns of a table), with a check
/// that two different names do not become the same identifier.
struct NameTable {
    let kind: String
    private var safeToRaw: [String: String] = [:]

    init(kind: String) { self.kind = kind }

    /// The safe identifier for `raw`, registering it; throws when another name already took it.
    mutating func claim(_ raw: String) throws -> String {
        let safe = SafeIdentifier.make(raw)
        if let other = safeToRaw[safe], other != raw {
            throw GenerationError.nameCollision(kind: kind, first: other, second: raw, safe: safe)
        }
        safeToRaw[safe] = raw
        return safe
    }
}
