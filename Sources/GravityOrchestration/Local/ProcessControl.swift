import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Starting, watching and stopping the processes of a local deployment with the POSIX calls
/// directly: each service gets its own process group (so stopping it stops whatever it forked) and
/// writes to its log file, and nothing holds a pipe that could stall it.
public enum ProcessControl {
    /// glibc's POSIX_SPAWN_SETSID, which Swift does not import.
    private static let spawnSetSession: Int32 = 0x80

    private typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+); without it descriptors may leak into children.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// glibc's posix_spawn_file_actions_addchdir_np (2.29+), which Swift does not import either.
    private static let addChangeDirectory: AddChangeDirectory? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChangeDirectory.self)
    }()

    /// Adds to `actions` the closing of every descriptor from `first` on (but `kept`, which a dup2
    /// in `actions` still needs), so that a child gets only what it is handed.
    public static func closeDescriptors(from first: Int32, in actions: inout posix_spawn_file_actions_t, keeping kept: [Int32] = []) {
        if let closeFrom = Self.addCloseFrom {
            _ = closeFrom(&actions, first)
        } else {
            // glibc before 2.34: close what is open, one by one.
            let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
            for fd in open where fd >= first && !kept.contains(fd) { posix_spawn_file_actions_addclose(&actions, fd) }
        }
    }

    /// Starts `executable` and returns its pid. Output goes to `logFile` (appended), input is empty.
    /// `newSession` detaches it from the terminal entirely (for the supervisor); otherwise it leads
    /// a new process group.
    public static func spawn(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        directory: String,
        logFile: String,
        errorFile: String? = nil,
        passing descriptor: Int32? = nil,
        newSession: Bool = false
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        if let errorFile {
            posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        // Only standard input, output and error (and the one descriptor passed on, as 3) reach the program.
        if let descriptor { posix_spawn_file_actions_adddup2(&actions, descriptor, 3) }
        closeDescriptors(from: descriptor == nil ? 3 : 4, in: &actions, keeping: descriptor.map { [$0] } ?? [])
        guard let changeDirectory = Self.addChangeDirectory else {
            throw DeployError.step("this C library has no posix_spawn_file_actions_addchdir_np (glibc 2.29 or later is needed)")
        }
        _ = changeDirectory(&actions, directory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        if newSession {
            flags |= spawnSetSession
        } else {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw DeployError.step("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// When the process started, in clock ticks since boot (/proc/<pid>/stat, field 22): with the pid,
    /// it names one process for good, so a recycled pid is never taken for it.
    public static func startTime(of pid: pid_t) -> Int64? {
        // After the command come state (field 3) ... starttime (field 22): index 19 here.
        statFields(of: pid).flatMap { $0.count > 19 ? Int64($0[19]) : nil }
    }

    /// The fields of /proc/<pid>/stat after the command: state, ppid, pgrp, ...
    private static func statFields(of pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// Whether `pid` has ended: gone, or a zombie. A service whose supervisor was killed belongs to
    /// init, which may be slow to reap it (or, in some containers, never does).
    public static func hasEnded(_ pid: pid_t) -> Bool {
        !isAlive(pid) || statFields(of: pid)?.first == "Z"
    }

    /// The process groups of the living children of `parent` (zombies do not count), from /proc.
    public static func childGroups(of parent: pid_t) -> Set<pid_t> {
        var groups = Set<pid_t>()
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let fields = statFields(of: pid), fields.count > 2, fields[0] != "Z",
                pid_t(fields[1]) == parent, let group = pid_t(fields[2])
            else { continue }
            groups.insert(group)
        }
        return groups
    }

    /// Whether any process of group `group` is still running (zombies do not count).
    public static func groupIsRunning(_ group: pid_t) -> Bool {
        guard kill(-group, 0) == 0 || errno == EPERM else { return false }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry), let fields = statFields(of: pid), fields.count > 2 else { continue }
            if fields[2] == Substring(String(group)) && fields[0] != "Z" { return true }
        }
        return false
    }

    /// Whether `pid` is still the process that started at `start` (when known).
    public static func isSame(_ pid: pid_t, startedAt start: Int64?) -> Bool {
        guard !hasEnded(pid) else { return false }
        guard let start, let now = startTime(of: pid) else { return true }
        return now == start
    }

    /// Whether a process with this pid exists (zombies count until reaped).
    public static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// How a child of this process ended, if it has; reaps it.
    public static func exitStatus(of pid: pid_t) -> String? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return result < 0 ? "gone" : nil }
        let signal = status & 0x7f
        return signal == 0 ? "exited with status \((status >> 8) & 0xff)" : "killed by signal \(signal)"
    }

    /// Stops the process group led by `pid`: SIGTERM, then SIGKILL after `grace`. Reaps the leader
    /// when it is a child of this process.
    public static func stopGroup(_ pid: pid_t, grace: Duration = .seconds(5)) async {
        guard pid > 1 else { return }
        _ = kill(-pid, SIGTERM)
        _ = kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            _ = exitStatus(of: pid)
            if hasEnded(pid) && !groupIsRunning(pid) { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
        for _ in 0..<100 {
            _ = exitStatus(of: pid)
            if hasEnded(pid) { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The full path of `command`: as given when it has a slash (relative to `directory`), else the
    /// first match in `searchPath`.
    public static func resolve(_ command: String, in directory: String, searchPath: [String]) -> String? {
        if command.contains("/") {
            let path = command.hasPrefix("/") ? command : "\(directory)/\(command)"
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        for folder in searchPath where FileManager.default.isExecutableFile(atPath: "\(folder)/\(command)") {
            return "\(folder)/\(command)"
        }
        return nil
    }
}

extension ProcessControl {
    /// Runs a program to completion with its output in `logFile`, never through a pipe: a daemon it
    /// starts (pg_ctl) would hold a pipe open. Returns the exit status, or nil after `timeout`.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: String = FileManager.default.currentDirectoryPath,
        logFile: String,
        timeout: Duration = .seconds(120)
    ) async throws -> Int32? {
        let pid = try spawn(executable, arguments, environment: environment, directory: directory, logFile: logFile)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        await stopGroup(pid, grace: .seconds(1))
        return nil
    }

    /// The last `count` lines of a log file: read backwards in blocks until they hold that many
    /// lines (or the file is read), so a long tail does not start mid-line or stop short.
    public static func tail(_ path: String, lines count: Int) -> [String] {
        guard count > 0, let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        var start = size
        var block = 16_384
        var data = Data()
        while start > 0 {
            let step = min(UInt64(block), start)
            start -= step
            try? handle.seek(toOffset: start)
            data = (try? handle.read(upToCount: Int(step)) ?? Data()).map { $0 + data } ?? data
            // count + 1 newlines guarantee count whole lines after the first (possibly partial) one.
            if data.reduce(0, { $0 + ($1 == 0x0A ? 1 : 0) }) > count { break }
            block = min(block * 2, 4_194_304)
        }
        var text = String(decoding: data, as: UTF8.self)
        if start > 0, let firstBreak = text.firstIndex(of: "\n") { text = String(text[text.index(after: firstBreak)...]) }
        return Array(text.split(separator: "\n", omittingEmptySubsequences: true).suffix(count).map(String.init))
    }
}
