import Foundation
import Synchronization

/// Runs a program to completion, collecting its combined output, with a time limit.
public enum ProcessRunner {
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var timedOut: Bool
    }

    /// Runs `executable` with `arguments` in `directory`; stops it after `timeout`.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: String? = nil,
        environment: [String: String]? = nil,
        timeout: Duration = .seconds(600)
    ) async throws -> Outcome {
        try Task.checkCancellation()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let collected = Mutex(Data())
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if !chunk.isEmpty { collected.withLock { $0.append(chunk) } }
        }
        let running = RunningProcess(process)
        let status: Int32 = await withCheckedContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            // Foundation starts the program with the signal mask of the calling thread, and the threads
            // of the pool block nearly every signal: started from one, pytest or pip would never see the
            // SIGTERM of the time limit or of an interrupted run. A thread of its own unblocks them first.
            let launcher = Thread {
                var none = sigset_t()
                sigemptyset(&none)
                pthread_sigmask(SIG_SETMASK, &none, nil)
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(returning: -1)
                    return
                }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds) { running.stopIfRunning() }
            }
            launcher.name = "spawn \((executable as NSString).lastPathComponent)"
            launcher.start()
        }
        pipe.fileHandleForReading.readabilityHandler = nil
        let rest = pipe.fileHandleForReading.readDataToEndOfFile()
        let data = collected.withLock { $0 + rest }
        return Outcome(status: status, output: String(decoding: data, as: UTF8.self), timedOut: running.timedOut)
    }

    /// The full path of `name` on PATH, or nil.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// A started process that a timer may stop. Foundation's Process allows `isRunning` and
/// `terminate()` from any thread, and `timedOut` is guarded by a mutex, hence the unchecked conformance.
private final class RunningProcess: @unchecked Sendable {
    private let process: Process
    private let stopped = Mutex(false)

    init(_ process: Process) { self.process = process }

    var timedOut: Bool { stopped.withLock { $0 } }

    func stopIfRunning() {
        guard process.isRunning else { return }
        stopped.withLock { $0 = true }
        process.terminate()
    }
}
