/// A file a run produced, by path relative to the output directory, with its SHA-256 and size.
public struct ArtifactDigest: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var bytes: Int

    public init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}
