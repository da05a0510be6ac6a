import GravityDeployContract
import GravityModel
import GravityOrchestration
import Testing

@Suite("Service manifests")
struct ManifestLoaderTests {
    private let manifest = """
        name: auth-service
        version: 1.0.0
        command: [uvicorn, app:app, --port, "${PORT}"]
        databases:
          - name: auth_db
            type: postgresql
        dependencies:
          - name: user-service
            version: ">=1.0.0"
        """

    @Test("a seed-style manifest loads with its defaults")
    func defaults() throws {
        let loaded = try ManifestLoader.decode(manifest, file: "gravity-service.yaml")
        #expect(loaded.name == "auth-service")
        #expect(loaded.type == .api)
        #expect(loaded.healthCheck == .standard)
        #expect(loaded.databases.first?.type == .postgresql)
        #expect(loaded.dependencies.first?.version.accepts(SemanticVersion(1, 4, 0)) == true)
        #expect(loaded.dependencies.first?.optional == false)
    }

    @Test("an unknown key is reported with its line")
    func unknownKey() {
        #expect(throws: ModelError.unknownField(file: "m.yaml", line: 4, field: "databse")) {
            try ManifestLoader.decode(self.manifest.replacingOccurrences(of: "databases:", with: "databse:"), file: "m.yaml")
        }
    }

    @Test(
        "bad values name the field and line",
        arguments: [
            ("version: 1.0.0", "version: latest", "version", 2),
            ("version: \">=1.0.0\"", "version: \"newest\"", "dependencies[0].version", 9),
            ("type: postgresql", "type: oracle", "databases[0].type", 6),
        ]
    )
    func badValues(old: String, new: String, field: String, line: Int) {
        #expect {
            try ManifestLoader.decode(self.manifest.replacingOccurrences(of: old, with: new), file: "m.yaml")
        } throws: { error in
            guard case .invalidValue(let file, let errorLine, let errorField, _) = error as? ModelError else { return false }
            return file == "m.yaml" && errorLine == line && errorField == field
        }
    }

    @Test("a missing required field is named")
    func missingField() {
        #expect(throws: ModelError.missingField(file: "m.yaml", line: 1, field: "version")) {
            try ManifestLoader.decode(self.manifest.replacingOccurrences(of: "version: 1.0.0\n", with: ""), file: "m.yaml")
        }
    }

    @Test("checks beyond decoding: ports, prefixes, secrets")
    func validation() {
        let cases = [
            (manifest + "\nports: [70000]", "70000 is not a port number"),
            (manifest + "\napi_prefix: api/x", "must be a path starting with /"),
            (manifest + "\nenvironment:\n  secrets: [jwt-secret]", "is not an environment variable name"),
        ]
        for (text, expected) in cases {
            #expect {
                try ManifestLoader.decode(text, file: "m.yaml")
            } throws: { error in
                "\(error)".contains(expected)
            }
        }
    }
}
