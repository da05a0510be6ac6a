/// Rules for the names that become code: entity, field, service and persona identifiers.
public enum Identifier {
    /// Whether `name` is a lowercase identifier (`a-z`, digits, `_`, optionally `-`) starting with a letter.
    public static func isValid(_ name: String, allowingDashes: Bool = false) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 63 else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || (allowingDashes && scalar == "-")
        }
    }
}
