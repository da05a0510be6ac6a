import Foundation

/// A virtual environment with a service's requirements installed, kept in a cache directory and
/// reused by every app whose requirements are the same (keyed by their digest).
public struct PythonEnvironment: Sendable {
    /// Why this machine cannot give an environment, in one line; the caller says what to do about it.
    public struct Unavailable: Error, CustomStringConvertible, Equatable {
        public var description: String
        /// Whether a tool to install is missing (then a caller that can do without says how).
        public var missingTool: Bool
        init(_ description: String, missingTool: Bool = false) {
            self.description = description
            self.missingTool = missingTool
        }
    }

    /// The environment variable that moves the cache.
    public static let cacheVariable = "GRAVITY_CACHE"

    public let directory: String

    public var python: String { "\(directory)/bin/python" }

    /// `$GRAVITY_CACHE`, else `$XDG_CACHE_HOME/gravity-team`, else `~/.cache/gravity-team`.
    public static func cacheRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment[cacheVariable], !explicit.isEmpty { return explicit }
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".cache")
        return (base as NSString).appendingPathComponent("gravity-team")
    }

    /// What to install, named for Debian and macOS, when this machine cannot make a virtual environment.
    static let installHint = "install it (Debian: apt-get install python3 python3-venv; macOS: brew install python)"

    /// Checks, before any work starts, that python3 is on PATH and can make a virtual environment.
    /// Debian's python3 without python3-venv imports `venv` but lacks `ensurepip`, and fails only at `-m venv`.
    public static func checkAvailable() async throws {
        guard let python = ProcessRunner.which("python3") else {
            throw Unavailable("python3 is not on PATH; \(installHint)", missingTool: true)
        }
        let probe = try await ProcessRunner.run(python, ["-c", "import ensurepip, venv"], timeout: .seconds(30))
        guard probe.status == 0 else {
            throw Unavailable("\(python) cannot make virtual environments (no ensurepip); \(installHint)", missingTool: true)
        }
    }

    /// The environment for `requirements` (the text of the requirement files), created if missing.
    public static func prepare(requirements: String, cacheRoot: String = cacheRoot()) async throws -> PythonEnvironment {
        let digest = SHA256Digest.hex(requirements).prefix(16)
        let directory = "\(cacheRoot)/venvs/\(digest)"
        let environment = PythonEnvironment(directory: directory)
        let ready = "\(directory)/.ready"
        if FileManager.default.fileExists(atPath: ready) { return environment }
        guard let python = ProcessRunner.which("python3") else {
            throw Unavailable("python3 is not on PATH; \(installHint)", missingTool: true)
        }
        try FileManager.default.createDirectory(atPath: "\(cacheRoot)/venvs", withIntermediateDirectories: true)
        // Several runs (or tests) may want the same environment at once: one makes it, the others wait
        // for it and use it. Two `python -m venv` into one directory break each other's pip.
        let lock = try await FileLock.acquire("\(cacheRoot)/venvs/\(digest).lock")
        defer { lock.release() }
        if FileManager.default.fileExists(atPath: ready) { return environment }
        try? FileManager.default.removeItem(atPath: directory)
        let created = try await ProcessRunner.run(python, ["-m", "venv", directory], timeout: .seconds(120))
        guard created.status == 0 else {
            throw Unavailable("python3 -m venv failed (\(created.output.lastLine)); \(installHint)", missingTool: true)
        }
        let requirementsFile = "\(directory)/requirements.txt"
        try requirements.write(toFile: requirementsFile, atomically: true, encoding: .utf8)
        let installed = try await ProcessRunner.run(
            environment.python,
            ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirementsFile],
            timeout: .seconds(900)
        )
        guard installed.status == 0 else {
            throw Unavailable("pip could not install the requirements: \(installed.output.lastLine)")
        }
        guard FileManager.default.createFile(atPath: ready, contents: Data()) else {
            throw Unavailable("could not mark the virtual environment ready: \(ready)")
        }
        return environment
    }
}
