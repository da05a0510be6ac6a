import Mustache

/// A generated file's template with sections and loops (Templates/**/*.mustache), compiled into the
/// binary and rendered by swift-mustache. Values go in as they are (mustache's TEXT content type,
/// not its HTML escaping): the context holds them already escaped for the file's language, by
/// Escaping and PythonTypes, so a template holds neither escaping nor logic.
struct CodeTemplate: Sendable {
    let name: String
    private let template: MustacheTemplate

    init(_ name: String, bytes: [UInt8]) {
        self.name = name
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + String(decoding: bytes, as: UTF8.self))
        } catch {
            // The templates are part of this program: a broken one is caught by every generator test.
            preconditionFailure("\(name): \(error)")
        }
    }

    /// The file for `context`, a dictionary whose keys the template names. `{{lbrace}}` is a `{`
    /// for the place where code opens a brace right before a tag (`{"key": ...}` in Python), which
    /// mustache would read as a triple mustache.
    func render(_ context: [String: Any]) -> String {
        template.render(context.merging(["lbrace": "{"]) { own, _ in own })
    }
}
