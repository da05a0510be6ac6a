import Foundation
import GravityTestSupport
import Testing

/// One practitioner's slot, booked by ten requests at once through the gateway of a deployed clinic:
/// bookings of one practitioner take turns in the database, so exactly one gets the slot.
@Suite("Bookings under concurrency (deployed)")
struct BookingRushTests {
    @Test(
        "10 bookings of the same practitioner's 10:00 slot at once: exactly one is made; a cancelled one frees the slot",
        arguments: ["sqlite", "postgresql"]
    )
    func rush(engine: String) async throws {
        let directory = try CLI.temporaryDirectory()
        let industry =
            engine == "postgresql"
            ? try IndustryCopy.withContextOnPostgreSQL("healthcare", context: "scheduling", id: "bigclinic", in: directory) : "healthcare"
        let clinic = try await DeployedApp.start(industry, named: "clinic", adminEmail: "admin@gravity-care.example", in: directory) { app in
            let manifest = try String(contentsOfFile: "\(app)/services/scheduling/gravity-service.yaml", encoding: .utf8)
            try #require(manifest.contains("type: \(engine)"), "scheduling is on \(engine)")
        }
        defer { clinic.stop() }
        let (base, token) = (clinic.base, clinic.adminToken)
        let practitioner: [String: Any] = [
            "license_number": "RUSH-1", "full_name": "Dr. Rush", "specialty": "Cardiology", "email": "rush@example.com",
        ]
        let made = try await LoopbackHTTP.request("POST", "\(base)/api/scheduling/practitioners", json: practitioner, token: token)
        try #require(made.status == 201, "\(made.text)")
        let id = try #require((try made.json() as? [String: Any])?["id"] as? Int)

        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for patient in 1...10 {
                group.addTask {
                    let booking: [String: Any] = [
                        "starts_at": "2030-05-06T10:00:00", "duration_minutes": 30, "patient_id": patient, "practitioner_id": id,
                    ]
                    let answer = try await LoopbackHTTP.request("POST", "\(base)/api/scheduling/appointments", json: booking, token: token)
                    return (answer.status, answer.text)
                }
            }
            return try await group.reduce(into: [(Int, String)]()) { $0.append($1) }
        }
        let statuses = answers.map(\.0).sorted()
        #expect(statuses == [201] + Array(repeating: 409, count: 9), "\(answers)")
        let winner = try #require(answers.first { $0.0 == 201 })
        let appointment = try #require((try JSONSerialization.jsonObject(with: Data(winner.1.utf8)) as? [String: Any])?["id"] as? Int)

        let cancelled = try await LoopbackHTTP.request("POST", "\(base)/api/scheduling/appointments/\(appointment)/cancel", token: token)
        #expect(cancelled.status == 200, "\(cancelled.text)")
        let again: [String: Any] = ["starts_at": "2030-05-06T10:15:00", "duration_minutes": 30, "patient_id": 1, "practitioner_id": id]
        let rebooked = try await LoopbackHTTP.request("POST", "\(base)/api/scheduling/appointments", json: again, token: token)
        #expect(rebooked.status == 201, "the cancelled slot is free: \(rebooked.text)")
    }
}
