import Foundation
import GravityModel
import GravityReport
import GravityRuntime
import Testing

/// The report page as a function of a transcript: what model output can and cannot do to it.
@Suite("the report page")
struct ReportPageTests {
    /// The recorded ecommerce transcript with its first vote's reason replaced by `reason`.
    static func transcript(withReason reason: String) throws -> Transcript {
        let root = try DataDirectory.locate(explicit: nil)
        var lines = try String(contentsOfFile: "\(root)/transcripts/ecommerce.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains(#""type":"vote""#) })
        var event = try JSONDecoder().decode(TranscriptEvent.self, from: Data(lines[index].utf8))
        event.vote?.reason = reason
        lines[index] = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
        return try Transcript(data: Data((lines.joined(separator: "\n") + "\n").utf8), name: "edited.jsonl")
    }

    @Test("a model's text cannot end an attribute or open a tag, not even a quote carrying a combining mark")
    func modelTextIsEscaped() throws {
        let hostile = "fine\"\u{301} onmouseover=\"alert(1)\" x=\"<script>alert(2)</script>&"
        let html = ReportPage(RunReport(try Self.transcript(withReason: hostile), team: nil, prices: .empty), appLink: nil).render()
        #expect(!html.contains("onmouseover=\"alert"), "the attribute stays one attribute")
        #expect(!html.contains("<script"), "no tag from the model")
        #expect(html.contains("fine&quot;\u{301} onmouseover=&quot;alert(1)&quot; x=&quot;&lt;script&gt;alert(2)&lt;/script&gt;&amp;"))
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#))
    }

    @Test("the page is a function of the transcript: the same bytes every time, with empty fields left out rather than shown empty")
    func deterministic() throws {
        let transcript = try Self.transcript(withReason: "the same")
        let first = ReportPage(RunReport(transcript, team: nil, prices: .empty), appLink: "app").render()
        let second = ReportPage(RunReport(transcript, team: nil, prices: .empty), appLink: "app").render()
        #expect(first == second)
        #expect(!first.contains("<strong>Practices:</strong> </p>") && !first.contains("<strong>Addresses:</strong> </p>"))
        #expect(first.contains("<strong>Practices:</strong> database."), "practices a phase adopted are listed")
    }
}
