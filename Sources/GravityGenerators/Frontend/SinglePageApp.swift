import Foundation
import GravityModel

/// Writes the static single-page application the gateway serves: an accessible page shell, a
/// stylesheet with the palette the UI/UX work chose, the generic screens, and the app's schema.
struct SinglePageApp {
    let model: AppModel

    func files() -> [GeneratedFile] {
        [
            GeneratedFile(path: "frontend/index.html", contents: indexHTML),
            GeneratedFile(path: "frontend/styles.css", contents: stylesheet),
            GeneratedFile(path: "frontend/app.js", contents: SinglePageScript.source),
            GeneratedFile(path: "frontend/schema.js", contents: SinglePageSchema(model: model).javascript),
        ]
    }

    /// Text safe inside HTML elements and attributes.
    static func html(_ text: String) -> String { Escaping.html(text) }

    var indexHTML: String {
        Self.indexTemplate.render(["TITLE": Self.html(model.title)])
    }

    var stylesheet: String {
        let palette = model.palette
        return Self.stylesheetTemplate.render([
            // A title cannot end the comment it stands in.
            "TITLE_IN_COMMENT": model.title.replacingOccurrences(of: "*/", with: "* /"),
            "PRIMARY": Self.color(palette.primary, fallback: "#1f6feb"),
            "ACCENT": Self.color(palette.accent, fallback: "#f78166"),
            "BACKGROUND": Self.color(palette.background, fallback: "#ffffff"),
            "TEXT": Self.color(palette.text, fallback: "#1b1f24"),
        ])
    }

    static let indexTemplate = TemplateFile("frontend/index.html", bytes: PackageResources.index_html)
    static let stylesheetTemplate = TemplateFile("frontend/styles.css", bytes: PackageResources.styles_css)

    /// A `#rrggbb` colour, or the fallback when the Blueprint's value is anything else.
    static func color(_ value: String, fallback: String) -> String {
        value.count == 7 && value.first == "#" && value.dropFirst().allSatisfy(\.isHexDigit) ? value : fallback
    }
}
