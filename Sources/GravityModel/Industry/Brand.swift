/// The product name and palette the UI/UX work starts from.
public struct Brand: Codable, Sendable, Hashable {
    public var name: String
    public var primary: String
    public var accent: String
    public var background: String
    public var text: String

    public init(name: String, primary: String, accent: String, background: String, text: String) {
        self.name = name
        self.primary = primary
        self.accent = accent
        self.background = background
        self.text = text
    }
}
