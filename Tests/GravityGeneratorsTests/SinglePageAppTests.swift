import Foundation
import GravityModel
import Testing

@testable import GravityGenerators

@Suite("Single-page frontend")
struct SinglePageAppTests {
    private func files(_ industry: String = "ecommerce", title: String? = nil) async throws -> [String: String] {
        let session = try await GeneratorTestData.session(industry)
        var blueprint = session.blueprint
        if let title { blueprint.requirements?.appName = title }
        let generated = try ApplicationGenerator.generate(blueprint: blueprint, decisions: session.decisions)
        return Dictionary(uniqueKeysWithValues: generated.filter { $0.path.hasPrefix("frontend/") }.map { ($0.path, $0.contents) })
    }

    @Test("the frontend has a page shell, a stylesheet, the generic screens and the app's schema")
    func layout() async throws {
        let frontend = try await files()
        #expect(Set(frontend.keys) == ["frontend/index.html", "frontend/styles.css", "frontend/app.js", "frontend/schema.js"])
    }

    @Test("every entity is in the schema with its API path, and every page in the navigation", arguments: GeneratorTestData.industries)
    func schema(industry: String) async throws {
        let session = try await GeneratorTestData.session(industry)
        let model = try AppModel(blueprint: session.blueprint)
        let schema = try #require(try await files(industry)["frontend/schema.js"])
        for service in model.dataServices {
            for entity in service.entities {
                #expect(schema.contains("\"path\" : \"\(service.apiPrefix)/\(entity.plural)\""), "\(entity.name)")
            }
        }
        #expect(schema.contains("\"identityPrefix\" : \"/api/auth\""))
    }

    @Test("the page shell is accessible: language, landmarks, skip link, live status")
    func accessibleShell() async throws {
        let html = try #require(try await files()["frontend/index.html"])
        for fragment in [
            "<html lang=\"en\">", "<header", "<nav id=\"navigation\" aria-label=\"Main\">", "<main id=\"main\"",
            "class=\"skip-link\" href=\"#main\"", "role=\"status\" aria-live=\"polite\"", "name=\"viewport\"",
        ] {
            #expect(html.contains(fragment), "\(fragment)")
        }
    }

    @Test("every form input gets a label and an error message tied to it")
    func labelledInputs() async throws {
        let script = try #require(try await files()["frontend/app.js"])
        #expect(script.contains(#"element("label", { for: `field-${column.name}` }"#))
        #expect(script.contains(#""aria-describedby": `error-${column.name}`"#))
        #expect(script.contains(#"element("p", { id: `error-${column.name}`, class: "field-error", "aria-live": "polite" })"#))
        #expect(script.contains(#"element("caption""#))
        #expect(script.contains(#"element("th", { scope: "col" }"#))
    }

    @Test("the palette the UI/UX work chose is in the stylesheet")
    func palette() async throws {
        let session = try await GeneratorTestData.session("healthcare")
        let css = try #require(try await files("healthcare")["frontend/styles.css"])
        let palette = try #require(session.blueprint.frontend?.palette)
        #expect(css.contains("--primary: \(palette.primary);"))
        #expect(css.contains("--accent: \(palette.accent);"))
    }

    @Test("a hostile title is escaped in HTML and in the schema")
    func hostileTitle() async throws {
        let frontend = try await files(title: "</script><script>alert(1)</script> & \"Co\"")
        let html = try #require(frontend["frontend/index.html"])
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
        let schema = try #require(frontend["frontend/schema.js"])
        #expect(!schema.contains("</script>"))
        #expect(schema.contains("\\u003c/script>"))
    }

    @Test("the scripts parse as JavaScript modules")
    func scriptsParse() async throws {
        let frontend = try await files()
        let directory = try GeneratorTestData.temporaryDirectory()
        for (path, text) in frontend where path.hasSuffix(".js") {
            try text.write(toFile: "\(directory)/\((path as NSString).lastPathComponent)", atomically: true, encoding: .utf8)
        }
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: FileManager.default.isExecutableFile) else {
            Issue.record("node is needed to parse the generated JavaScript")
            return
        }
        for name in ["app.js", "schema.js"] {
            let outcome = try GeneratorTestData.run(node, ["--check", "\(directory)/\(name)"])
            #expect(outcome.status == 0, "\(name): \(outcome.output)")
        }
        let listed = try GeneratorTestData.run(
            node,
            ["--input-type=module", "-e", "import('\(directory)/schema.js').then(m => console.log(m.schema.entities.length))"]
        )
        #expect(listed.output.trimmingCharacters(in: .whitespacesAndNewlines) == "6")
    }
}
