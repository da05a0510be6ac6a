/// The colours of the generated interface, as CSS hex values.
public struct Palette: Codable, Sendable, Hashable {
    public var primary: String
    public var accent: String
    public var background: String
    public var text: String

    public init(primary: String, accent: String, background: String, text: String) {
        self.primary = primary
        self.accent = accent
        self.background = background
        self.text = text
    }
}

/// A screen of the single-page application.
public struct PageSpec: Codable, Sendable, Hashable {
    public enum View: String, Codable, Sendable, CaseIterable { case list, detail, create, edit }

    public var route: String
    public var title: String
    public var entity: String
    public var service: String
    public var views: [View]

    public init(route: String, title: String, entity: String, service: String, views: [View]) {
        self.route = route
        self.title = title
        self.entity = entity
        self.service = service
        self.views = views
    }
}

/// The user interface decisions: name, palette, navigation and pages.
public struct FrontendSection: Codable, Sendable, Hashable {
    public var title: String
    public var palette: Palette
    /// Routes in navigation order.
    public var navigation: [String]
    public var pages: [PageSpec]
    public var login: Bool
    public var practices: [String]

    public init(
        title: String,
        palette: Palette,
        navigation: [String],
        pages: [PageSpec],
        login: Bool,
        practices: [String]
    ) {
        self.title = title
        self.palette = palette
        self.navigation = navigation
        self.pages = pages
        self.login = login
        self.practices = practices
    }
}
