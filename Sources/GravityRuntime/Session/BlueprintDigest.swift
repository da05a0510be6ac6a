import GravityModel
import GravitySystem

/// A short fingerprint of a Blueprint's canonical JSON.
public enum BlueprintDigest {
    public static func of(_ blueprint: Blueprint) throws -> String {
        SHA256Digest.hex(try CanonicalJSON.encode(blueprint))
    }
}
