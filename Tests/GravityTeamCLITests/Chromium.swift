import Foundation

/// Headless Chromium, to see a page as a user would.
enum Chromium {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it" }
    }

    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Loads `url`, lets its scripts run, saves a screenshot and returns the DOM.
    static func render(_ url: String, screenshot: String) throws -> String {
        guard let executable else { throw Missing() }
        try FileManager.default.createDirectory(
            atPath: (screenshot as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
            "--window-size=1280,900", "--virtual-time-budget=8000", "--user-data-dir=\(NSTemporaryDirectory())/gravity-chromium-\(UUID())",
        ]
        _ = try run(executable, common + ["--screenshot=\(screenshot)", url])
        return try run(executable, common + ["--dump-dom", url])
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID()).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try handle.close()
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}
