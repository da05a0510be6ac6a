import Foundation
import GravitySystem
import GravityTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`), so that
/// a test fills in forms and presses buttons as a user would, then reads what the page shows.
/// Unchecked Sendable: one test drives it, one call at a time, and each call's blocking exchange
/// on the pipe runs on a thread of its own.
final class Browser: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let pid: pid_t
    /// Chromium reads commands from its fd 3 and writes answers to its fd 4, each ending with a NUL.
    private let commands: Int32
    private let answers: Int32
    private let profile: String
    private var pending: [UInt8] = []
    private var lastID = 0
    private var session = ""
    private var closed = false

    /// Starts Chromium with one tab on `url`.
    init(url: String) async throws {
        guard let executable = Chromium.executable else { throw Chromium.Missing() }
        // A write to a Chromium that has died must be an error here, not a signal that ends the tests.
        signal(SIGPIPE, SIG_IGN)
        let (childReads, commands) = try Self.pipe()
        let answers: Int32, childWrites: Int32
        do { (answers, childWrites) = try Self.pipe() } catch {
            Glibc.close(childReads)
            Glibc.close(commands)
            throw error
        }
        profile = "\(NSTemporaryDirectory())/gravity-browser-\(UUID().uuidString)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, childReads, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrites, 4)
        // Nothing else of this process reaches Chromium, even a descriptor another test opened
        // without close-on-exec.
        ProcessControl.closeDescriptors(from: 5, in: &actions, keeping: [childReads, childWrites])
        // Its own process group, so that closing it also ends the helpers it starts.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--remote-debugging-pipe", "--window-size=1280,900", "--user-data-dir=\(profile)", "about:blank",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        Glibc.close(childReads)
        Glibc.close(childWrites)
        guard spawned == 0 else {
            Glibc.close(commands)
            Glibc.close(answers)
            throw Failure(description: "could not start \(executable): error \(spawned)")
        }
        self.pid = pid
        self.commands = commands
        self.answers = answers
        session = try await DedicatedThread.run("Chromium") { [self] in
            let target = try send("Target.createTarget", ["url": url])
            guard let targetID = target["targetId"] as? String else { throw Failure(description: "no tab: \(target)") }
            let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
            guard let session = attached["sessionId"] as? String else { throw Failure(description: "no session: \(attached)") }
            return session
        }
        // The tab starts blank and then loads `url`: evaluating before that would run in a page
        // about to be replaced. Only Chromium knows when it has loaded; the deadline is for a page
        // that never does, on a machine busy with other tests.
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let state = try? await run("return document.readyState + ' ' + location.href"), state.hasPrefix("complete "), !state.hasSuffix("about:blank") { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "\(url) did not load in 30 s")
    }

    deinit { close() }

    /// Saves what the page shows now as a PNG at `path`.
    func screenshot(to path: String) async throws {
        let data = try await DedicatedThread.run("Chromium") { [self] in
            let shot = try send("Page.captureScreenshot", ["format": "png"], session: session)
            guard let text = shot["data"] as? String, let data = Data(base64Encoded: text) else {
                throw Failure(description: "no screenshot")
            }
            return data
        }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Makes the page as wide and tall as a screen of `width` by `height` CSS pixels (a phone's
    /// with `mobile`: its viewport meta tag then counts).
    func setViewport(width: Int, height: Int, mobile: Bool = false) async throws {
        try await DedicatedThread.run("Chromium") { [self] in
            _ = try send(
                "Emulation.setDeviceMetricsOverride",
                ["width": width, "height": height, "deviceScaleFactor": mobile ? 2 : 1, "mobile": mobile],
                session: session
            )
        }
    }

    /// Makes the page see `identifier` (e.g. "Asia/Kolkata") as its local time zone.
    func setTimeZone(_ identifier: String) async throws {
        try await DedicatedThread.run("Chromium") { [self] in
            _ = try send("Emulation.setTimezoneOverride", ["timezoneId": identifier], session: session)
        }
    }

    /// Runs `body`, the statements of an async JavaScript function, in the page, and returns what it
    /// returns as text. The body may use `wait(predicate, what)`, `type(selector, value)`,
    /// `choose(selector, value)`, `submit()` (the screen's form), `saved(plural, what)` (waits for a
    /// record's detail page) and `field(label)` (a detail page's value); a thrown error or a wait
    /// that times out fails the call.
    func run(_ body: String) async throws -> String {
        let expression = """
            (async () => {
              const wait = async (predicate, what) => {
                for (let i = 0; i < 200; i++) { const value = predicate(); if (value) return value; await new Promise((r) => setTimeout(r, 50)); }
                throw new Error(`timed out waiting for ${what}; the page says: ${document.body.innerText.slice(0, 400)}`);
              };
              const set = (selector, value) => {
                const input = document.querySelector(selector);
                if (!input) throw new Error(`no ${selector} on ${location.hash}`);
                input.value = value;
                input.dispatchEvent(new Event("input", { bubbles: true }));
                input.dispatchEvent(new Event("change", { bubbles: true }));
              };
              const type = set, choose = set;
              const submit = () => document.querySelector("main form").requestSubmit();
              const saved = (plural, what) =>
                wait(() => new RegExp(`^#/${plural}/[0-9]+$`).test(location.hash) && document.querySelector("main dl"), what);
              const field = (label) => [...document.querySelectorAll("main dt")].find((dt) => dt.textContent === label)?.nextElementSibling.textContent;
              \(body)
            })().then((value) => String(value ?? ""))
            """
        // The page may wait for seconds (see `wait`): the answer is waited for on a thread of its own.
        return try await DedicatedThread.run("Chromium") { [self] in
            let result = try send(
                "Runtime.evaluate",
                ["expression": expression, "awaitPromise": true, "returnByValue": true],
                session: session
            )
            if let exception = result["exceptionDetails"] as? [String: Any] {
                let detail = (exception["exception"] as? [String: Any])?["description"] as? String
                throw Failure(description: detail ?? "\(exception)")
            }
            return ((result["result"] as? [String: Any])?["value"] as? String) ?? ""
        }
    }

    /// Closes Chromium and waits (up to 5 s, blocking: it is called from a `defer`) for it to end.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? send("Browser.close", [:])
        var status: Int32 = 0
        var reaped = false
        for _ in 0..<100 where !reaped {
            reaped = waitpid(pid, &status, WNOHANG) == pid
            if !reaped { usleep(50_000) }
        }
        // The group outlives its leader's pid being reaped only as long as a helper runs; the
        // leader's pid is not signalled once reaped, as it may belong to another process by then.
        kill(-pid, SIGKILL)
        if !reaped { while waitpid(pid, &status, 0) < 0 && errno == EINTR {} }
        Glibc.close(commands)
        Glibc.close(answers)
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// Sends one command and waits up to 30 s for its answer, skipping the events in between.
    private func send(_ method: String, _ parameters: [String: Any], session: String? = nil) throws -> [String: Any] {
        lastID += 1
        var message: [String: Any] = ["id": lastID, "method": method, "params": parameters]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "Chromium stopped reading (\(method))") }
            offset += written
        }
        let deadline = Date().addingTimeInterval(30)
        while true {
            while let end = pending.firstIndex(of: 0) {
                let line = Data(pending[..<end])
                pending.removeSubrange(...end)
                guard let answer = try JSONSerialization.jsonObject(with: line) as? [String: Any],
                    answer["id"] as? Int == lastID
                else { continue }
                if let error = answer["error"] as? [String: Any] {
                    throw Failure(description: "\(method): \(error["message"] as? String ?? "\(error)")")
                }
                return answer["result"] as? [String: Any] ?? [:]
            }
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let ready = left > 0 ? poll(&poller, 1, left) : 0
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { throw Failure(description: "no answer to \(method) in 30 s") }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(answers, &chunk, chunk.count)
            guard count > 0 else { throw Failure(description: "Chromium closed the pipe (\(method))") }
            pending += chunk[..<count]
        }
    }

    /// A pipe whose ends are closed on exec and above the descriptors the child gets (3 and 4), so
    /// that handing one over with dup2 cannot overwrite the other. (Swift does not import pipe2; the
    /// originals live for two fcntl calls, and spawns here close what they do not hand over.)
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw Failure(description: "pipe failed: \(errno)") }
        defer {
            Glibc.close(ends[0])
            Glibc.close(ends[1])
        }
        let read = fcntl(ends[0], F_DUPFD_CLOEXEC, 10)
        let write = fcntl(ends[1], F_DUPFD_CLOEXEC, 10)
        guard read >= 0, write >= 0 else {
            if read >= 0 { Glibc.close(read) }
            if write >= 0 { Glibc.close(write) }
            throw Failure(description: "fcntl failed: \(errno)")
        }
        return (read, write)
    }
}
