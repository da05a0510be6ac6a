import Mustache
import Testing

@testable import GravityGenerators

/// The compiled templates render what swift-mustache renders for the same template and values, on
/// the constructs the code templates use; generating any app in a debug build checks every real
/// template the same way (CodeTemplate).
@Suite("Compiled templates")
struct CompiledTemplateTests {
    static let cases: [(String, String, [String: TemplateValue])] = [
        ("plain values", "def {{name}}():\n    return {{literal}}\n", ["name": "total", "literal": "\"a\""]),
        ("a missing value is empty", "x = {{missing}}!\n", [:]),
        ("a flag prints as mustache prints it", "{{flag}}\n", ["flag": true]),
        (
            "standalone section lines are dropped whole",
            "a\n{{#items}}\n  - {{.}}\n{{/items}}\n{{! a comment }}\nb\n",
            ["items": .texts(["x", "y"])]
        ),
        ("an inline section keeps its line", "f({{#flag}}x{{/flag}}{{^flag}}y{{/flag}})\n", ["flag": false]),
        (
            "separators from last() and first(), also inside a flag's section",
            "({{#items}}{{#on}}{{^first()}}; {{/first()}}{{.}}{{^last()}},{{/last()}}{{/on}}{{/items}})\n",
            ["items": .texts(["a", "b", "c"]), "on": true]
        ),
        (
            "objects shadow outer names, and names fall back outward",
            "{{#rows}}{{name}}/{{outer}} {{/rows}}\n{{name}}\n",
            ["name": "root", "outer": "o", "rows": .objects([["name": "one"], ["name": "two"]])]
        ),
        (
            "an inverted section over an empty list, and empty()",
            "{{^items}}none{{/items}}|{{^empty(items)}}some{{/empty(items)}}|{{^empty(full)}}some{{/empty(full)}}\n",
            ["items": .list([]), "full": .texts(["x"])]
        ),
        ("a text section pushes the text", "{{#literal}}[{{.}}]{{/literal}}\n", ["literal": "\"q\""]),
        ("last() outside a list", "{{^last()}}outside{{/last()}}\n", [:]),
        ("a file without a final line break", "{{#a}}\nx\n{{/a}}", ["a": true]),
        ("indented standalone tags", "  {{#a}}  \n    y\n  {{/a}}\nz\n", ["a": true]),
        (
            "empty() of text and of named values",
            "{{^empty(word)}}word{{/empty(word)}}|{{#empty(blank)}}blank{{/empty(blank)}}|{{^empty(values)}}values{{/empty(values)}}\n",
            ["word": "w", "blank": "", "values": ["a": "1"]]
        ),
        ("lines ending in CR LF", "a\r\n{{#on}}\r\n  b\r\n{{/on}}\r\nc\r\n", ["on": true]),
        ("Python braces next to tags", "d = {{lbrace}}{{key}}: {{value}}}\n", ["lbrace": "{", "key": "\"k\"", "value": "1"]),
    ]

    @Test("renders as swift-mustache does", arguments: 0..<cases.count)
    func sameAsMustache(index: Int) throws {
        let (label, text, context) = Self.cases[index]
        let reference = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text)
        let expected = reference.render(TemplateValue.object(context).mustacheValue)
        #expect(CompiledTemplate(text, name: label).render(context) == expected, "\(label)")
    }

    @Test("a template outside the subset stops with its name and line")
    func outsideTheSubset() async throws {
        let partial = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CompiledTemplate("ok\n{{> partial}}\n", name: "broken.py.mustache")
        }
        #expect(String(decoding: partial.standardErrorContent, as: UTF8.self).contains("broken.py.mustache:2: '{{>' is outside"))
        let unclosed = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = CompiledTemplate("a\n\n{{#rows}}\nb\n", name: "open.sql.mustache")
        }
        #expect(String(decoding: unclosed.standardErrorContent, as: UTF8.self).contains("open.sql.mustache:3: '{{#rows}}' is never closed"))
    }
}
