import Foundation
import GravityTestSupport
import Testing

/// A course's last seats, taken by students enrolling at once through the gateway of a deployed
/// school: the enrolment service reserves each seat from the courses service as a service.
@Suite("Seats under concurrency (deployed)")
struct SeatRushTests {
    @Test("5 students enrolling at once in a course with 2 seats left: exactly 2 are enrolled; withdrawing gives a seat back")
    func rush() async throws {
        let school = try await DeployedApp.start(
            "education", named: "school", adminEmail: "admin@gravity-learn.example", in: try CLI.temporaryDirectory())
        defer { school.stop() }
        let (base, token) = (school.base, school.adminToken)
        let course: [String: Any] = ["code": "RUSH-101", "title": "Popular Seminar", "credits": 2, "seats_left": 2, "instructor_id": 1]
        let made = try await LoopbackHTTP.request("POST", "\(base)/api/courses/courses", json: course, token: token)
        try #require(made.status == 201, "\(made.text)")
        let id = try #require((try made.json() as? [String: Any])?["id"] as? Int)

        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for student in 1...5 {
                group.addTask {
                    let enrolment: [String: Any] = ["enrolled_at": "2030-09-01T09:00:00", "student_id": student, "course_id": id]
                    let answer = try await LoopbackHTTP.request("POST", "\(base)/api/enrollment/enrollments", json: enrolment, token: token)
                    return (answer.status, answer.text)
                }
            }
            return try await group.reduce(into: [(Int, String)]()) { $0.append($1) }
        }
        #expect(answers.map(\.0).sorted() == [201, 201, 409, 409, 409], "\(answers)")
        #expect(answers.filter { $0.0 == 409 }.allSatisfy { $0.1.contains("course \(id) has 0 left") }, "\(answers)")
        func seats() async throws -> Int? {
            let answer = try await LoopbackHTTP.request("GET", "\(base)/api/courses/courses/\(id)", token: token)
            return (try answer.json() as? [String: Any])?["seats_left"] as? Int
        }
        #expect(try await seats() == 0)

        let enrolled = try #require(answers.first { $0.0 == 201 })
        let enrolment = try #require((try JSONSerialization.jsonObject(with: Data(enrolled.1.utf8)) as? [String: Any])?["id"] as? Int)
        let withdrawn = try await LoopbackHTTP.request("POST", "\(base)/api/enrollment/enrollments/\(enrolment)/withdraw", token: token)
        #expect(withdrawn.status == 200, "\(withdrawn.text)")
        #expect(try await seats() == 1, "withdrawing gives the seat back")
    }
}
