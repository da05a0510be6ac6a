#if DEBUG
import Mustache
#endif

/// A generated file's template with sections and loops (Templates/**/*.mustache), compiled into the
/// binary. Values go in as they are: the context holds them already escaped for the file's
/// language, by Escaping and PythonTypes, so a template holds neither escaping nor logic.
///
/// Release builds render with CompiledTemplate; debug builds (every test run) also render with
/// swift-mustache, TEXT content type, and stop on any difference, so the templates stay plain mustache.
struct CodeTemplate: Sendable {
    let name: String
    private let compiled: CompiledTemplate
    #if DEBUG
    private let reference: MustacheTemplate
    #endif

    init(_ name: String, bytes: [UInt8]) {
        self.name = name
        let text = String(decoding: bytes, as: UTF8.self)
        compiled = CompiledTemplate(text, name: name)
        #if DEBUG
        do {
            reference = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text)
        } catch {
            preconditionFailure("\(name): \(error)")
        }
        #endif
    }

    /// The file for `context`. `{{lbrace}}` is a `{` for the place where code opens a brace right
    /// before a tag (`{"key": ...}` in Python), which mustache would read as a triple mustache.
    func render(_ context: [String: TemplateValue]) -> String {
        var context = context
        context["lbrace"] = "{"
        let output = compiled.render(context)
        #if DEBUG
        assert(
            output == reference.render(TemplateValue.object(context).mustacheValue),
            "\(name): the compiled template and swift-mustache disagree"
        )
        #endif
        return output
    }
}
