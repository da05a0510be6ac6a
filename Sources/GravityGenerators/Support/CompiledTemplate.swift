/// The part of mustache that the code templates use, compiled once into a tree that renders without
/// dynamic casts: text, `{{name}}` and `{{.}}`, sections and inverted sections, `first()` and
/// `last()` of the list being walked, `empty(name)`, and comments, with the spec's standalone lines
/// (a line holding only a section tag or a comment is dropped whole). swift-mustache renders the same
/// templates in debug builds and must agree (CodeTemplate); this is what release builds run, since
/// its lookups cost a fraction of swift-mustache's casts of `Any` (docs/benchmarks.md).
struct CompiledTemplate: Sendable {
    enum Key: Sendable, Equatable {
        case current
        case name(String)
        case first, last
        case empty(String)
    }

    indirect enum Node: Sendable {
        case text(String)
        case value(Key)
        case section(Key, inverted: Bool, [Node])
    }

    private struct Position {
        var first: Bool
        var last: Bool
    }

    let name: String
    let nodes: [Node]

    /// Compiles `text`; a malformed template is a mistake in this program, named with its line.
    init(_ text: String, name: String) {
        self.name = name
        nodes = MustacheSubsetParser(name: name).parse(text)
    }

    func render(_ root: [String: TemplateValue]) -> String {
        var output = ""
        output.reserveCapacity(8_192)
        var stack: [TemplateValue] = [.object(root)]
        render(nodes, stack: &stack, position: nil, into: &output)
        return output
    }

    private func render(_ nodes: [Node], stack: inout [TemplateValue], position: Position?, into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let key):
                switch value(key, stack: stack, position: position) {
                case .text(let text): output += text
                case .flag(let flag): output += flag ? "true" : "false"
                case nil: break
                // mustache would print Swift's description of the value: never what a file should hold.
                case .list, .object: preconditionFailure("\(name): {{\(key)}} names a list or object, not text")
                }
            case .section(let key, let inverted, let body):
                section(body, value: value(key, stack: stack, position: position), inverted: inverted, stack: &stack, position: position, into: &output)
            }
        }
    }

    private func section(
        _ body: [Node], value: TemplateValue?, inverted: Bool, stack: inout [TemplateValue], position: Position?, into output: inout String
    ) {
        switch value {
        case nil:
            if inverted { render(body, stack: &stack, position: position, into: &output) }
        case .flag(let flag):
            if flag != inverted { render(body, stack: &stack, position: position, into: &output) }
        case .list(let items):
            if inverted {
                guard items.isEmpty else { return }
                stack.append(.list(items))
                render(body, stack: &stack, position: nil, into: &output)
                stack.removeLast()
                return
            }
            for (index, item) in items.enumerated() {
                stack.append(item)
                render(body, stack: &stack, position: Position(first: index == 0, last: index == items.count - 1), into: &output)
                stack.removeLast()
            }
        case .text, .object:
            guard let value, !inverted else { return }
            stack.append(value)
            render(body, stack: &stack, position: nil, into: &output)
            stack.removeLast()
        }
    }

    private func value(_ key: Key, stack: [TemplateValue], position: Position?) -> TemplateValue? {
        switch key {
        case .current:
            return stack.last
        case .name(let name):
            return lookUp(name, in: stack)
        case .first:
            return position.map { .flag($0.first) }
        case .last:
            return position.map { .flag($0.last) }
        case .empty(let name):
            switch lookUp(name, in: stack) {
            case .list(let items): return .flag(items.isEmpty)
            case .text(let text): return .flag(text.isEmpty)
            case .object(let values): return .flag(values.isEmpty)
            case .flag, nil: return nil
            }
        }
    }

    /// The innermost value that has `name`, as mustache looks up the context stack.
    private func lookUp(_ name: String, in stack: [TemplateValue]) -> TemplateValue? {
        for value in stack.reversed() {
            if case .object(let values) = value, let found = values[name] { return found }
        }
        return nil
    }
}
