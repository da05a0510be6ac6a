import GravityModel

/// A short fingerprint of a Blueprint's canonical JSON.
public enum BlueprintDigest {
    public static func of(_ blueprint: Blueprint) throws -> String {
        StableHash.of(try CanonicalJSON.string(blueprint)).hex
    }
}
