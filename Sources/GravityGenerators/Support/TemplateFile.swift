import GravityModel

/// A generated file's template, compiled into the binary (Templates/, SwiftPM's embedInCode), with
/// `{{NAME}}` placeholders filled by the project's one scanner. The values come already escaped for
/// the file's language: templates hold no logic.
struct TemplateFile {
    let name: String
    let text: String

    init(_ name: String, bytes: [UInt8]) {
        self.name = name
        text = String(decoding: bytes, as: UTF8.self)
    }

    /// The text with every placeholder replaced. A placeholder without a value is a mistake in this
    /// program, not in anyone's input; the template tests render every template to catch it.
    func render(_ values: [String: String]) -> String {
        guard let pieces = Placeholders.split(text[...]) else { preconditionFailure("\(name): '{{' without a closing '}}'") }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .name(let placeholder):
                guard let value = values[placeholder] else { preconditionFailure("\(name): no value for {{\(placeholder)}}") }
                output += value
            }
        }
        return output
    }
}
