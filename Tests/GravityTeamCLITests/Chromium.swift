import Foundation
import GravitySystem

/// Headless Chromium, to see a page as a user would.
enum Chromium {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "Chromium is not installed (Debian: apt-get install chromium); scripts/test installs it" }
    }

    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Loads `url`, lets its scripts run, saves a screenshot and returns the DOM.
    static func render(_ url: String, screenshot: String) async throws -> String {
        guard let executable else { throw Missing() }
        try FileManager.default.createDirectory(
            atPath: (screenshot as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
            "--window-size=1280,900", "--virtual-time-budget=8000", "--user-data-dir=\(NSTemporaryDirectory())/gravity-chromium-\(UUID())",
        ]
        _ = try await run(executable, common + ["--screenshot=\(screenshot)", url])
        return try await run(executable, common + ["--dump-dom", url])
    }

    /// Runs Chromium to its end (a minute at most: it can hang on a page that never settles) and
    /// returns what it printed.
    private static func run(_ executable: String, _ arguments: [String]) async throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID()).out").path
        // Its own process group (spawn makes it lead one), so that a hung Chromium is killed with its helpers.
        let pid = try ProcessControl.spawn(
            executable,
            arguments,
            environment: ProcessInfo.processInfo.environment,
            directory: NSTemporaryDirectory(),
            logFile: output,
            errorFile: "/dev/null"
        )
        _ = await ChildProcess.exitCode(of: pid, killedAfter: .seconds(60))
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }
}
