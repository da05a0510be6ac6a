/// A file a generator produces: a path relative to the application directory, its text, and
/// its permissions.
public struct GeneratedFile: Sendable, Hashable {
    public var path: String
    public var contents: String
    /// POSIX permissions, e.g. 0o644, or 0o755 for scripts.
    public var mode: Int

    public init(path: String, contents: String, mode: Int = 0o644) {
        self.path = path
        self.contents = contents
        self.mode = mode
    }
}
