import Foundation
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

    @Test("an anchor repeated through aliases counts as its copies, and past the limit names the field")
    func aliasExpansion() {
        let anchor = String(repeating: "A", count: 1_900)
        let aliases = (0..<5_000).map { _ in "  - *big" }.joined(separator: "\n")
        let text = validPersona + "\nbig: &big \"\(anchor)\"\nmore:\n\(aliases)\n"
        #expect {
            try YAMLDocument.decode(Persona.self, from: text, file: "personas/x.yaml")
        } throws: { error in
            guard case .overLimit(let file, let line, let field, let problem) = error as? ModelError else { return false }
            return file == "personas/x.yaml" && line != nil && field?.hasPrefix("more[") == true
                && problem.contains("aliases expanded") && "\(error)".contains("KiB")
        }
    }

    @Test("nested aliases that would expand to millions of values are refused before decoding")
    func nestedAliases() {
        var text = validPersona + "\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...6 { text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        } throws: { error in
            guard case .overLimit(_, _, _, let problem) = error as? ModelError else { return false }
            return problem.contains("more than \(InputLimits.expandedNodes) values")
        }
    }

    @Test("a value longer than the limit is refused with its field and line")
    func longValue() {
        let text = validPersona.replacingOccurrences(of: "specialization: Testing", with: "specialization: " + String(repeating: "x", count: 2_001))
        #expect {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        } throws: { error in
            "\(error)" == "p.yaml:4: 'specialization': the value is longer than 2000 characters (see the limits in docs/formats.md)"
        }
    }

    @Test("a file over the size limit is refused before it is read")
    func largeFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-large-\(UUID()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x61, count: InputLimits.fileBytes + 1).write(to: URL(fileURLWithPath: path))
        #expect {
            try YAMLDocument.load(Persona.self, from: path, displayPath: "industries/big.yaml")
        } throws: { error in
            "\(error)" == "industries/big.yaml: the file is \(InputLimits.fileBytes + 1) bytes, over the limit of 256 KiB (see the limits in docs/formats.md)"
        }
    }

    @Test("nesting deeper than the parser allows is a located error, not a crash")
    func deepNesting() {
        let text = "id: x\nname: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect {
            try YAMLDocument.decode(Persona.self, from: text, file: "p.yaml")
        } throws: { error in
            guard case .malformedYAML(let file, let line, _, let problem) = error as? ModelError else { return false }
            return file == "p.yaml" && line == 2 && problem.contains("nesting")
        }
    }
}
