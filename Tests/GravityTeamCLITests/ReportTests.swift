import Foundation
import Testing

/// `gravity-team report` and the report `develop` writes: one HTML page that opens from file://,
/// read here in headless Chromium as a person would read it.
@Suite("gravity-team report")
struct ReportTests {
    /// What the page shows, as the browser sees it.
    struct Page: Decodable {
        var timeline: [String]
        var rows: Int
        var names: [String]
        var columns: [String]
        var revisionChanges: Int
        var backendDissent: Int
        var charts: [String]
        var fetched: Int
        var external: Int
        var links: [String]
        var tables: Int
        var headedTables: Int
    }

    @Test("develop writes report.html: every phase and persona, a 14-row vote matrix, the revision's changes and dissent, charts with text, nothing fetched, readable at phone width")
    func developWritesTheReport() async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(["develop", "--industry", "education", "--seed", "42", "--out", "app"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Report:     app/report.html"), "\(outcome.stdout)")
        let written = try String(contentsOfFile: "\(directory)/app/report.html", encoding: .utf8)

        // The same page from the command, and the run's transcript stays the reference one.
        let again = try await CLI.run(["report", "app/transcript.jsonl", "--out", "app/again.html"], in: directory)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: "\(directory)/app/again.html", encoding: .utf8) == written, "the report is a function of the transcript and the app")
        let transcript = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/app/transcript.jsonl"))
        #expect(transcript == (try Data(contentsOf: URL(fileURLWithPath: "\(CLI.repositoryRoot)/transcripts/education.jsonl"))))

        let browser = try await Browser(url: "file://\(directory)/app/report.html")
        defer { browser.close() }
        let page = try JSONDecoder().decode(Page.self, from: Data(try await browser.run(Self.inspect).utf8))
        #expect(page.timeline == ["1. Requirements", "2. Architecture", "3. Database", "4. Frontend", "5. Backend", "6. Security", "7. Testing", "8. Deployment"])
        #expect(page.rows == 14 && Set(page.names).count == 14, "\(page.names)")
        #expect(page.names.contains("Dr. Maria Garcia") && page.names.contains("Alex Rivera"), "the consultant and the standing team")
        #expect(page.columns.filter { $0 == "Backend" }.count == 1 && page.columns.count == 8)
        #expect(page.revisionChanges > 0, "round 2 of the backend shows what it changed")
        #expect(page.backendDissent >= 10, "the backend's first round met dissent, each with its reason")
        #expect(page.charts.count == 2 && page.charts.allSatisfy { $0.contains("|") && !$0.hasSuffix("|0") }, "\(page.charts)")
        #expect(page.fetched == 0 && page.external == 0, "nothing is loaded: no script, stylesheet, image or font")
        let broken = page.links.filter { !FileManager.default.fileExists(atPath: "\(directory)/app/\($0)") }
        #expect(page.links.count == 197 && broken.isEmpty, "each generated file is linked where it is: \(broken.prefix(3))")
        #expect(page.tables == page.headedTables, "every table has a caption and header cells")
        // The pictures in the README (docs/images) are these.
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/report-timeline.png")
        try await browser.setViewport(width: 1280, height: 1040)
        _ = try await browser.run("document.getElementById('votes-title').scrollIntoView(); return '';")
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/report-votes.png")

        try await browser.setViewport(width: 390, height: 844, mobile: true)
        let widths = try await browser.run("return JSON.stringify([document.documentElement.scrollWidth, window.innerWidth]);")
        let measured = try JSONDecoder().decode([Int].self, from: Data(widths.utf8))
        #expect(measured[0] <= measured[1], "at phone width only the vote matrix scrolls, inside its own region: \(measured)")
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/report-phone.png")
    }

    @Test("a file of the user's where the report would go is kept, with a warning; report refuses to replace it; an interrupted transcript reports its phases so far")
    func keepsWhatIsNotAReport() async throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(directory)/app", withIntermediateDirectories: true)
        let develop = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app", "--json"], in: directory)
        #expect(develop.status == 0, "\(develop.stderr)")
        try "my notes\n".write(toFile: "\(directory)/app/report.html", atomically: true, encoding: .utf8)
        let again = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app", "--json"], in: directory)
        let json = try CLI.json(again.stdout) as? [String: Any]
        #expect(again.status == 0 && json?["report"] == nil, "\(again.stdout.prefix(400))")
        #expect(again.stderr == "warning: kept app/report.html: it is not a gravity-team report; `gravity-team report app/transcript.jsonl --out FILE` writes the report elsewhere\n", "\(again.stderr)")
        #expect(try String(contentsOfFile: "\(directory)/app/report.html", encoding: .utf8) == "my notes\n")
        let refused = try await CLI.run(["report", "app/transcript.jsonl"], in: directory)
        #expect(refused.status == 1 && refused.stderr == "error: app/report.html exists and is not a gravity-team report; pass --out with another path\n", "\(refused.stderr)")

        // Cut after the database phase's decision: three phases, the run not finished.
        let lines = try String(contentsOfFile: "\(directory)/app/transcript.jsonl", encoding: .utf8).split(separator: "\n")
        let cut = lines.firstIndex { $0.contains(#""type":"phase_start""#) && $0.contains(#""phase":"frontend""#) }!
        try (lines[..<cut].joined(separator: "\n") + "\n").write(toFile: "\(directory)/cut.jsonl", atomically: true, encoding: .utf8)
        let partial = try await CLI.run(["report", "cut.jsonl", "--out", "cut.html"], in: directory)
        #expect(partial.status == 0, "\(partial.stderr)")
        let html = try String(contentsOfFile: "\(directory)/cut.html", encoding: .utf8)
        #expect(html.contains("not finished (the transcript ends after 3 phase(s))") && html.contains("3. Database") && !html.contains("4. Frontend"))
    }

    /// Collects `Page` from the report in the browser.
    static let inspect = """
        const text = (nodes) => [...nodes].map((node) => node.textContent.trim());
        const tables = [...document.querySelectorAll('table')];
        return JSON.stringify({
          timeline: text(document.querySelectorAll('#timeline h3')),
          rows: document.querySelectorAll('table.matrix tbody tr').length,
          names: text(document.querySelectorAll('table.matrix tbody th .name')),
          columns: text(document.querySelectorAll('table.matrix thead th[scope=colgroup]')),
          revisionChanges: document.querySelectorAll('#phase-backend table.changes tbody tr').length,
          backendDissent: document.querySelectorAll('#phase-backend .dissent li').length,
          charts: [...document.querySelectorAll('svg[role=img]')].map((svg) => svg.querySelector('title').textContent + '|' + svg.querySelectorAll('rect').length),
          fetched: performance.getEntriesByType('resource').length,
          external: document.querySelectorAll('script, link[rel], img, iframe, object, embed, video, audio').length,
          links: [...document.querySelectorAll('#application a[href]')].map((link) => link.getAttribute('href')),
          tables: tables.length,
          headedTables: tables.filter((table) => table.querySelector('caption') && table.querySelector('th')).length,
        });
        """
}
