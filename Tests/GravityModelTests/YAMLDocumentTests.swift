import GravityModel
import Testing

@Suite("YAML documents")
struct YAMLDocumentTests {
    private let validPersona = """
        id: test-persona
        name: Test Persona
        role: qa_engineer
        specialization: Testing
        iq: 180
        experience_years: 12
        leads: []
        concerns:
          - id: api-tests
            phase: testing
            requires: testing.api_tests
            severity: major
            text: Every endpoint has an API test.
        """

    @Test("a valid persona decodes")
    func valid() throws {
        let persona = try YAMLDocument.decode(Persona.self, from: validPersona, file: "p.yaml")
        #expect(persona.concerns.first?.requires == "testing.api_tests")
        #expect(persona.weight == 1.4)
    }

    @Test("malformed YAML names the file, line and column")
    func malformed() {
        let text = "id: x\nname: [unclosed\nrole: qa_engineer\n"
        #expect {
            try YAMLDocument.decode(Persona.self, from: text, file: "personas/x.yaml")
        } throws: { error in
            guard case .malformedYAML(let file, let line, _, _) = error as? ModelError else { return false }
            return file == "personas/x.yaml" && line >= 2
        }
    }

    @Test("a missing required field names the field and a line")
    func missingField() {
        let text = validPersona.replacingOccurrences(of: "iq: 180\n", with: "")
        #expect(throws: ModelError.missingField(file: "p.yaml", line: 1, field: "iq")) {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        }
    }

    @Test("a missing field inside a list points at the list element's line")
    func missingNestedField() {
        let text = validPersona.replacingOccurrences(of: "    severity: major\n", with: "")
        #expect(throws: ModelError.missingField(file: "p.yaml", line: 9, field: "concerns[0].severity")) {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        }
    }

    @Test("a value of the wrong kind is reported with its line")
    func invalidEnum() {
        let text = validPersona.replacingOccurrences(of: "role: qa_engineer", with: "role: wizard")
        #expect(throws: ModelError.invalidValue(file: "p.yaml", line: 3, field: "role", problem: "'wizard' is not an accepted value")) {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        }
    }

    @Test("a number given as text is reported")
    func typeMismatch() {
        let text = validPersona.replacingOccurrences(of: "iq: 180", with: "iq: very high")
        #expect {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        } throws: { error in
            guard case .invalidValue(_, let line, let field, _) = error as? ModelError else { return false }
            return line == 5 && field == "iq"
        }
    }

    @Test("an unknown key is reported, not silently dropped")
    func unknownKey() {
        let text = validPersona.replacingOccurrences(of: "iq: 180", with: "iq: 180\nshoe_size: 44")
        #expect(throws: ModelError.unknownField(file: "p.yaml", line: 6, field: "shoe_size")) {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        }
    }

    @Test("an unknown key inside a list element is reported with its path")
    func unknownNestedKey() {
        let text = validPersona + "\n    weight: 3"
        #expect(throws: ModelError.unknownField(file: "p.yaml", line: 14, field: "concerns[0].weight")) {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        }
    }

    @Test("errors read as one line")
    func oneLine() {
        let error = ModelError.missingField(file: "personas/a.yaml", line: 4, field: "iq")
        #expect(error.description == "personas/a.yaml:4: missing required field 'iq'")
        #expect(!error.description.contains("\n"))
    }
}
