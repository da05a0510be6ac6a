import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime
import Testing

@Suite("Hostile names")
struct HostileNamesTests {
    @Test(
        "names become safe identifiers",
        arguments: [
            ("../../etc", "etc"), ("class", "class_"), ("drop table", "drop_table"), ("Prodüct Ünits", "product_units"),
            ("order", "order_"), ("1st place", "n_1st_place"), ("", "item"), ("'; DROP TABLE users; --", "drop_table_users"),
            ("</script>", "script"), ("名前", "item"),
        ]
    )
    func identifiers(raw: String, safe: String) {
        #expect(SafeIdentifier.make(raw) == safe)
        #expect(SafeIdentifier.isSafe(safe))
    }

    @Test("a 200-character name is cut to a distinct identifier of bounded length")
    func longNames() {
        let a = SafeIdentifier.make(String(repeating: "a", count: 199) + "x")
        let b = SafeIdentifier.make(String(repeating: "a", count: 199) + "y")
        #expect(a.count <= SafeIdentifier.maximumLength)
        #expect(a != b)
    }

    /// The ecommerce Blueprint with its names replaced by hostile ones throughout.
    private func hostileBlueprint() async throws -> (Blueprint, [Decision]) {
        let session = try await GeneratorTestData.session("ecommerce")
        let replacements = [
            ("\"catalog\"", "\"../../etc\""), ("/api/catalog", "/api/../../etc"), ("\"category\"", "\"class\""),
            ("\"categories\"", "\"drop table\""), ("\"product\"", "\"Prodüct\""),
            ("\"sku\"", "\"" + String(repeating: "s", count: 200) + "\""),
            ("\"stock\"", "\"'; DROP TABLE users; --\""),
            // Quotes and backslashes in the title and a description: Python strings and docstrings hold them.
            ("\"Gravity Shop\"", #""Gravity \"\"\" Shop \\ \"x\"""#),
            ("\"Products, categories, prices and stock levels\"", #""Products \"\"\"; import os \\""#),
        ]
        var json = String(decoding: try CanonicalJSON.encode(session.blueprint), as: UTF8.self)
        // Names are values; a key spelled like one (a placement's "stock") stays a key.
        let key = "\u{1}"
        json = json.replacingOccurrences(of: "\"stock\":", with: key)
        for (old, new) in replacements { json = json.replacingOccurrences(of: old, with: new) }
        json = json.replacingOccurrences(of: key, with: "\"stock\":")
        return (try JSONDecoder().decode(Blueprint.self, from: Data(json.utf8)), session.decisions)
    }

    @Test("a Blueprint with hostile names generates into safe paths and working code")
    func sanitizedIntoWorkingCode() async throws {
        let (blueprint, decisions) = try await hostileBlueprint()
        let files = try ApplicationGenerator.generate(blueprint: blueprint, decisions: decisions)
        for file in files {
            #expect(!file.path.contains(".."), "\(file.path)")
            #expect(!file.path.hasPrefix("/"), "\(file.path)")
        }
        #expect(files.contains { $0.path.hasPrefix("services/etc/") })
        let models = try #require(files.first { $0.path == "services/etc/app/models.py" }).contents
        #expect(models.contains("class Class(Base):"))
        #expect(models.contains("__tablename__ = \"drop_table\""))
        #expect(!models.contains("DROP TABLE users"))
        let directory = try GeneratorTestData.temporaryDirectory()
        try GeneratorTestData.write(files, to: directory)
        let results = try await ServiceTestRunner(appDirectory: directory).run()
        for result in results { #expect(result.succeeded, "\(result.service): \(result.failures)") }
        #expect(results.map(\.service).contains("etc"))
    }

    @Test("two names that become the same identifier stop generation with a clear error")
    func collision() async throws {
        let session = try await GeneratorTestData.session("ecommerce")
        var json = String(decoding: try CanonicalJSON.encode(session.blueprint), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"customers\"", with: "\"Catalog\"")
        let blueprint = try JSONDecoder().decode(Blueprint.self, from: Data(json.utf8))
        #expect {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: session.decisions)
        } throws: { error in
            (error as? GenerationError)?.description.contains("both become 'catalog'") == true
        }
    }
}
