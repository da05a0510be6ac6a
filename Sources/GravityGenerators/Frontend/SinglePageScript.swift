/// The generic code of the frontend (`frontend/app.js`): hash routing, an API client that carries
/// the sign-in token, and the list, detail, form and sign-in views, all driven by `schema.js`.
/// The code is Templates/frontend/app.js, as it is written.
enum SinglePageScript {
    /// The template's text, without the newline that ends the file: app.js has always been written
    /// without one, and the generated code stays byte for byte what it was.
    static let source: String = {
        var text = TemplateFile("frontend/app.js", bytes: PackageResources.app_js).text
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }()
}
