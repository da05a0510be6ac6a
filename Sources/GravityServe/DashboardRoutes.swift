import FlyingFox
import Foundation
import GravityModel
import GravityReport
import GravityRuntime
import GravityWorkflows

/// What the dashboard answers. Every page is built from the history and the files it names at the
/// time of the request; nothing is cached, so a run that ends or an app that restarts shows at once.
struct DashboardRoutes: Sendable {
    let configuration: Dashboard.Configuration

    /// A run the dashboard can show: where its transcript and its application are.
    struct RunFiles: Sendable {
        var transcript: String
        var output: String
        var industry: String
        /// When the run started: a transcript at the path older than that is an earlier run's.
        var startedAt: Date?
        var underWay: @Sendable () -> Bool
    }

    func install(on server: HTTPServer) async {
        let routes: [(HTTPRoute, @Sendable (HTTPRequest) async throws -> HTTPResponse)] = [
            ("GET /", { _ in try self.index() }),
            ("GET /static/*", { request in self.asset(request.path) }),
            ("GET /runs/:id/report", { request in try self.report(self.finished(request), prefix: "/runs/\(Self.idText(request))") }),
            ("GET /runs/:id/files/*", { request in try self.file(self.finished(request), request.path, prefix: "/runs/\(Self.idText(request))/files/") }),
            ("GET /live/:id", { request in try self.livePage(request) }),
            ("GET /live/:id/report", { request in try self.report(self.started(request), prefix: "/live/\(Self.idText(request))") }),
            ("GET /live/:id/files/*", { request in try self.file(self.started(request), request.path, prefix: "/live/\(Self.idText(request))/files/") }),
            ("GET /live/:id/events", { request in try self.events(request) }),
            ("POST /live/:id/answer", { request in try await self.answer(request) }),
        ]
        for (route, handler) in routes {
            await server.appendRoute(route) { request in
                // Bound to 127.0.0.1, but a web page can rebind its own name to that address: only
                // requests addressed to this machine by its loopback names are answered.
                guard Self.isLoopback(host: request.headers[.host]) else {
                    return HTTPResponse(statusCode: .misdirectedRequest, headers: Self.headers("text/plain; charset=utf-8", policy: "default-src 'none'"), body: Data("This dashboard answers only to 127.0.0.1 and localhost.\n".utf8))
                }
                return try await handler(request)
            }
        }
    }

    static func isLoopback(host: String?) -> Bool {
        guard let host else { return false }
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.split(separator: ":").first ?? "")
        return ["127.0.0.1", "localhost", "[::1]"].contains(name.lowercased())
    }

    private var history: RunHistory {
        get throws { try RunHistory(path: configuration.historyPath) }
    }

    // MARK: Pages

    private func index() throws -> HTTPResponse {
        let history = try history
        let page = IndexPage(
            started: try history.liveRuns(), finished: try history.runs(limit: 100), apps: try history.deployedApps(),
            prices: configuration.prices
        )
        return Self.html(page.render())
    }

    private func report(_ run: RunFiles?, prefix: String) throws -> HTTPResponse {
        guard let run else { return Self.notFound("no such run in the history") }
        guard FileManager.default.fileExists(atPath: run.transcript) else {
            return Self.notFound("the run's transcript is no longer at \(run.transcript)")
        }
        let team = team(run.industry)
        let hasApp = FileManager.default.fileExists(atPath: "\(run.output)/blueprint.json")
        let html = ReportFile.render(
            try Transcript(path: run.transcript, allowingPartialTail: true), team: team, prices: configuration.prices,
            appDirectory: hasApp ? run.output : nil, appLink: "\(prefix)/files"
        )
        // The report's styles are inline and it runs no script.
        return Self.html(html, policy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    }

    /// A file the run generated, as text: only the transcript's artifacts are served, so no path
    /// reaches anything else in the directory or outside it.
    private func file(_ run: RunFiles?, _ path: String, prefix: String) throws -> HTTPResponse {
        guard let run, path.hasPrefix(prefix) else { return Self.notFound("no such run in the history") }
        // FlyingFox has decoded the path already; the name must be one the transcript lists.
        let name = String(path.dropFirst(prefix.count))
        let transcript = try Transcript(path: run.transcript, allowingPartialTail: true)
        guard transcript.events.contains(where: { $0.artifact?.path == name }),
            let data = FileManager.default.contents(atPath: "\(run.output)/\(name)")
        else { return Self.notFound("\(name) is not a file this run generated") }
        return HTTPResponse(statusCode: .ok, headers: Self.headers("text/plain; charset=utf-8", policy: "default-src 'none'"), body: data)
    }

    private func livePage(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let id = Self.id(request), let run = try history.liveRun(id: id) else {
            return Self.notFound("no such run in the history")
        }
        return Self.html(LivePage(run: run, id: id).render())
    }

    private func events(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let run = try started(request) else { return Self.notFound("no such run in the history") }
        var events = TranscriptEvents(path: run.transcript, team: team(run.industry), startedAt: run.startedAt, isUnderWay: run.underWay)
        events.after = request.headers[HTTPHeader("Last-Event-ID")].flatMap(Int.init) ?? 0
        var headers = Self.headers("text/event-stream", policy: "default-src 'none'")
        headers[HTTPHeader("X-Accel-Buffering")] = "no"
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: ByteChunks(chunks: events.stream())))
    }

    /// A person's answer at the gate a run waits at (`--answers-from serve`): written where the
    /// run looks for it. JSON only, so that no form on another site can post one.
    private func answer(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let id = Self.id(request), let run = try history.liveRun(id: id) else { return Self.notFound("no such run in the history") }
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
            return Self.refused(.unsupportedMediaType, "send the answer as application/json")
        }
        guard run.answersFromServe, run.isUnderWay else {
            return Self.refused(.conflict, "this run does not take its answers from here (it was started without --answers-from serve, or it has ended)")
        }
        guard let waiting = try Self.waitingGate(in: run.transcript, since: run.startedAt) else {
            return Self.refused(.conflict, "the run is not waiting at a gate")
        }
        let body = try await request.bodyData
        guard let given = try? JSONDecoder().decode(OwnerAnswer.self, from: body), let answer = OwnerAnswer.normalised(given.kind, given.text) else {
            return Self.refused(.badRequest, "expected {\"kind\": \"approve\"}, or reject or amend with one line of text (up to 500 characters)")
        }
        let path = DashboardOwner.answerPath(output: run.output, index: waiting)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // The first answer to a gate is the one taken; a second click finds it there.
        guard FileManager.default.createFile(atPath: path + ".new", contents: try JSONEncoder().encode(answer)),
            link(path + ".new", path) == 0
        else {
            try? FileManager.default.removeItem(atPath: path + ".new")
            return Self.refused(.conflict, "this gate has its answer already")
        }
        try? FileManager.default.removeItem(atPath: path + ".new")
        return HTTPResponse(statusCode: .accepted, headers: Self.headers("application/json", policy: "default-src 'none'"), body: Data("{\"gate\":\(waiting)}\n".utf8))
    }

    /// The number of the gate a run waits at (counted over the run), when its transcript ends at one.
    static func waitingGate(in transcript: String, since started: Date) throws -> Int? {
        // A transcript at the path written before the run started is an earlier run's.
        guard let modified = try FileManager.default.attributesOfItem(atPath: transcript)[.modificationDate] as? Date, modified >= started else {
            return nil
        }
        let events = try Transcript(path: transcript, allowingPartialTail: true).events
        guard events.last?.type == .ownerAsked else { return nil }
        return events.filter { $0.type == .ownerAsked }.count
    }

    static func refused(_ status: HTTPStatusCode, _ reason: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers("text/plain; charset=utf-8", policy: "default-src 'none'"), body: Data("\(reason)\n".utf8))
    }

    // MARK: Runs

    /// The team of a run's industry, for names; ids are shown where the industry is not at hand
    /// (a file given by path).
    private func team(_ industry: String) -> Team? {
        try? configuration.catalog.team(for: configuration.catalog.industry(industry))
    }

    private func finished(_ request: HTTPRequest) throws -> RunFiles? {
        // Rows from before the history kept absolute paths would resolve against this server's directory.
        guard let id = Self.id(request), let (run, _, _) = try history.run(id: id), run.transcript.hasPrefix("/") else { return nil }
        return RunFiles(transcript: run.transcript, output: run.output, industry: run.industry, underWay: { false })
    }

    private func started(_ request: HTTPRequest) throws -> RunFiles? {
        guard let id = Self.id(request), let run = try history.liveRun(id: id) else { return nil }
        // One connection to the history for the stream's questions; one that cannot be asked is
        // taken as "still going" (the client's leaving ends the stream then).
        let history = try? RunHistory(path: configuration.historyPath)
        return RunFiles(
            transcript: FileManager.default.fileExists(atPath: run.transcript) ? run.transcript : Self.finishedPath(run.transcript),
            output: run.output,
            industry: run.industry,
            startedAt: run.startedAt,
            underWay: {
                guard let history, let now = try? history.liveRun(id: id) else { return true }
                return now.isUnderWay
            }
        )
    }

    /// A resumed run writes `<transcript>.resuming` and moves it over the transcript at its end.
    private static func finishedPath(_ path: String) -> String {
        path.hasSuffix(".resuming") ? String(path.dropLast(".resuming".count)) : path
    }

    static func idText(_ request: HTTPRequest) -> String { (request.routeParameters["id"] as String?) ?? "" }
    static func id(_ request: HTTPRequest) -> Int64? { Int64(idText(request)) }

    // MARK: Responses

    private func asset(_ path: String) -> HTTPResponse {
        switch path {
        case "/static/live.js": HTTPResponse(statusCode: .ok, headers: Self.headers("text/javascript; charset=utf-8"), body: DashboardAssets.liveScript)
        case "/static/dashboard.css": HTTPResponse(statusCode: .ok, headers: Self.headers("text/css; charset=utf-8"), body: DashboardAssets.styles)
        default: Self.notFound("no such file")
        }
    }

    static let pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static func headers(_ type: String, policy: String = pagePolicy) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[HTTPHeader("Content-Security-Policy")] = policy
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        headers[HTTPHeader("Cache-Control")] = "no-store"
        return headers
    }

    static func html(_ text: String, policy: String = pagePolicy) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: headers("text/html; charset=utf-8", policy: policy), body: Data(text.utf8))
    }

    static func notFound(_ reason: String) -> HTTPResponse {
        HTTPResponse(statusCode: .notFound, headers: headers("text/plain; charset=utf-8", policy: "default-src 'none'"), body: Data("Not found: \(reason)\n".utf8))
    }
}
