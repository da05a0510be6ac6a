import Foundation
import Testing

/// `gravity-team serve`: the dashboard over the run history, read in headless Chromium and over
/// loopback HTTP as a person and a script would.
@Suite("gravity-team serve")
struct ServeTests {
    @Test("a run followed live gains its phases as develop writes them; the index lists it with its report; files are served only if the run generated them")
    func followsARunLive() async throws {
        let directory = try CLI.temporaryDirectory()
        let dashboard = try await RunningDashboard.start(in: directory)
        defer { dashboard.stop() }
        let base = dashboard.base
        let empty = try await LoopbackHTTP.request("GET", "\(base)/")
        #expect(empty.status == 200 && empty.text.contains("No run is under way") && empty.text.contains("The history has no runs yet"))
        #expect(empty.headers["content-security-policy"]?.contains("script-src 'self'") == true)

        // Slowed so that the page is open while the team is still at work.
        let develop = try CLI.start(["develop", "--industry", "ecommerce", "--out", "app", "--mock-latency-ms", "1500"], in: directory)
        let live = try await dashboard.livePage()
        let browser = try await Browser(url: "\(base)\(live)")
        defer { browser.close() }
        var counts: [Int] = []
        var status = ""
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let seen = try await browser.run("return JSON.stringify([document.querySelectorAll('#phases > li').length, document.getElementById('status').textContent]);")
            let parsed = try #require(try CLI.json(seen) as? [Any])
            counts.append(parsed[0] as? Int ?? -1)
            status = parsed[1] as? String ?? ""
            if status.hasPrefix("finished") { break }
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(status.hasPrefix("finished: 150478 tokens"), "\(status)")
        #expect(counts.first.map { $0 < 8 } == true && counts.last == 8, "the page gains its phases while the run goes on: \(counts)")
        #expect(counts == counts.sorted(), "\(counts)")
        let drawn = try await browser.run("""
            return JSON.stringify([...document.querySelectorAll('#phases > li')].map((li) => [li.querySelector('h3').textContent, li.querySelectorAll('.vote').length, li.querySelector('.decision')?.textContent || '']));
            """)
        let phases = try #require(try CLI.json(drawn) as? [[Any]])
        #expect(phases.map { $0[0] as? String } == ["1. Requirements", "2. Architecture", "3. Database", "4. Frontend", "5. Backend", "6. Security", "7. Testing", "8. Deployment"])
        #expect(phases.allSatisfy { ($0[1] as? Int ?? 0) >= 14 && ($0[2] as? String ?? "").hasPrefix("Decision: round") }, "\(phases)")
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/serve-live.png")
        #expect(await develop.exitCode() == 0)

        let index = try await LoopbackHTTP.request("GET", "\(base)/")
        let report = try #require(index.text.firstMatch(of: /href="(\/runs\/[0-9]+\/report)"/).map { String($0.1) }, "\(index.text)")
        let page = try await LoopbackHTTP.request("GET", "\(base)\(report)")
        #expect(page.status == 200 && page.text.contains("<caption id=\"matrix-caption\">"))
        #expect(page.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true, "the report runs no script")
        let runPrefix = String(report.dropLast("/report".count))
        let main = try await LoopbackHTTP.request("GET", "\(base)\(runPrefix)/files/services/catalog/app/main.py")
        #expect(main.status == 200 && main.text.contains("FastAPI"))
        #expect(page.text.contains("href=\"\(runPrefix)/files/services/catalog/app/main.py\""))
        for outside in ["%2E%2E/%2E%2E/etc/passwd", ".gravity-output", "transcript.jsonl", "services/catalog/app/%2E%2E/%2E%2E/%2E%2E/blueprint.json", "no-such-file.py"] {
            let refused = try await LoopbackHTTP.request("GET", "\(base)\(runPrefix)/files/\(outside)")
            #expect(refused.status == 404, "\(outside): \(refused.status)")
        }
        let ended = try await LoopbackHTTP.request("GET", "\(base)\(live)")
        #expect(ended.text.contains("the <a href=\"\(report)\">finished run's report</a>"), "the live page of an ended run links its report")

        // A page elsewhere that rebinds its name to 127.0.0.1 is not answered.
        let foreign = try await RunningDashboard.statusCode(["-H", "Host: rebound.example", "\(base)/"])
        #expect(foreign == "421")
        #expect(try await RunningDashboard.statusCode(["-H", "Host: localhost:\(base.split(separator: ":").last!)", "\(base)/"]) == "200")

        let browserIndex = try await Browser(url: "\(base)/")
        defer { browserIndex.close() }
        try await browserIndex.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/serve-index.png")
    }

    @Test("a gate answered on the live page: reject with a reason, then approve the revision; the run goes on and its Blueprint follows the answer")
    func answersFromThePage() async throws {
        let directory = try CLI.temporaryDirectory()
        let dashboard = try await RunningDashboard.start(in: directory)
        defer { dashboard.stop() }
        let base = dashboard.base
        let develop = try CLI.start(["develop", "--industry", "ecommerce", "--out", "app", "--approve", "database", "--answers-from", "serve"], in: directory)
        let live = try await dashboard.livePage()
        let browser = try await Browser(url: "\(base)\(live)")
        defer { browser.close() }
        let first = try await browser.run("""
            await wait(() => !document.getElementById('gate').hidden, 'the gate to open');
            return document.getElementById('gate-question').textContent;
            """)
        #expect(first == "Database: round 1 waits for the product owner")
        let waiting = try String(contentsOfFile: "\(directory)/app/transcript.jsonl", encoding: .utf8).split(separator: "\n").last ?? ""
        #expect(waiting.contains(#""type":"owner_asked""#), "on disk before the gate asks: \(waiting.prefix(200))")
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/serve-gate.png")

        // Only JSON is taken, so no form on another site can answer for the person.
        let form = try await RunningDashboard.statusCode(["-X", "POST", "-H", "Content-Type: application/x-www-form-urlencoded", "--data", "kind=approve", "\(base)\(live)/answer"])
        #expect(form == "415")

        let second = try await browser.run("""
            document.getElementById('gate-words').value = 'orders on postgresql';
            document.querySelector('#gate button[data-kind=reject]').click();
            await wait(() => document.getElementById('gate-question').textContent.includes('round 2') && !document.getElementById('gate').hidden, 'the revision to reach the gate');
            document.querySelector('#gate button[data-kind=approve]').click();
            await wait(() => document.getElementById('gate').hidden, 'the answer to be taken');
            return [...document.querySelectorAll('#live-database .decision')].map((p) => p.textContent).join(' | ');
            """)
        #expect(second.contains("Product owner: reject: orders on postgresql"), "\(second)")
        #expect(await develop.exitCode() == 0)
        try ApprovalGateTests.expectOrdersOnPostgres(in: "\(directory)/app")
        let late = try await RunningDashboard.statusCode(["-X", "POST", "-H", "Content-Type: application/json", "--data", #"{"kind":"approve"}"#, "\(base)\(live)/answer"])
        #expect(late == "409", "an ended run takes no answer")
    }
}
