import GravityModel
import Testing

@Suite("Persona weight")
struct PersonaWeightTests {
    @Test(
        "matches DESIGN.md's reference values",
        arguments: [
            ("Marcus Chen", 197, 22, 2.07), ("Priya Sharma", 193, 21, 1.98), ("Robert Kim", 192, 20, 1.92),
            ("Emma Thompson", 182, 14, 1.52),
        ]
    )
    func reference(name: String, iq: Int, experience: Int, weight: Double) {
        let persona = Persona(id: "p", name: name, role: .systemArchitect, specialization: "", iq: iq, experienceYears: experience)
        #expect(persona.weight == weight)
    }

    @Test("IQ at or below 150 and experience at or below 10 years add nothing")
    func floors() {
        let persona = Persona(id: "p", name: "p", role: .qaEngineer, specialization: "", iq: 120, experienceYears: 3)
        #expect(persona.weight == 1.0)
    }
}
