import Foundation

/// A requirement on a dependency's version: `1.2.3` or `==1.2.3` (exact), `>=`, `>`, `<=`, `<`,
/// `^1.2.3` (at least 1.2.3 with the same major), `~1.2.3` (at least 1.2.3 with the same major and
/// minor), `*` (any). Several, separated by commas, must all hold (`>=1.2, <2`).
public struct VersionConstraint: Sendable, Hashable, CustomStringConvertible, Codable {
    enum Clause: Hashable, Sendable {
        case any
        case exact(SemanticVersion)
        case atLeast(SemanticVersion)
        case above(SemanticVersion)
        case atMost(SemanticVersion)
        case below(SemanticVersion)
        case sameMajor(SemanticVersion)
        case sameMinor(SemanticVersion)

        func accepts(_ version: SemanticVersion) -> Bool {
            switch self {
            case .any: true
            case .exact(let target): version == target
            case .atLeast(let target): version >= target
            case .above(let target): version > target
            case .atMost(let target): version <= target
            case .below(let target): version < target
            case .sameMajor(let target): version >= target && version.major == target.major
            case .sameMinor(let target): version >= target && version.major == target.major && version.minor == target.minor
            }
        }
    }

    let clauses: [Clause]
    public let description: String

    /// Parses a constraint; nil when it is not one.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var clauses: [Clause] = []
        for part in trimmed.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let clause = Self.clause(part) else { return nil }
            clauses.append(clause)
        }
        guard !clauses.isEmpty else { return nil }
        self.clauses = clauses
        self.description = trimmed
    }

    private static func clause(_ text: String) -> Clause? {
        if text == "*" { return .any }
        let operators: [(String, (SemanticVersion) -> Clause)] = [
            (">=", Clause.atLeast), ("<=", Clause.atMost), ("==", Clause.exact), (">", Clause.above), ("<", Clause.below),
            ("^", Clause.sameMajor), ("~", Clause.sameMinor), ("=", Clause.exact),
        ]
        for (symbol, make) in operators where text.hasPrefix(symbol) {
            return SemanticVersion(parsing: String(text.dropFirst(symbol.count))).map(make)
        }
        return SemanticVersion(parsing: text).map(Clause.exact)
    }

    /// Whether `version` meets every clause.
    public func accepts(_ version: SemanticVersion) -> Bool { clauses.allSatisfy { $0.accepts(version) } }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let constraint = VersionConstraint(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a version constraint (1.2.3, ==, >=, >, <=, <, ^, ~ or *)"
            )
        }
        self = constraint
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
