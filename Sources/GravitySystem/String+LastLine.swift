extension String {
    /// The last non-empty line, for one-line error messages.
    public var lastLine: String {
        split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
    }
}
