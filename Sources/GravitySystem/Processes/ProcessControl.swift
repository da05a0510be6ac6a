import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one way this program starts other programs: the POSIX calls directly. Each program gets its
/// own process group (so stopping it stops whatever it forked), its output goes to a file (nothing
/// holds a pipe that a daemon it starts could keep open or a full buffer could stall), and it starts
/// with every signal unblocked and at its default, whichever thread of the pool starts it.
public enum ProcessControl {
    /// A program that could not be started, in one line.
    public struct LaunchFailure: Error, CustomStringConvertible, Equatable {
        public let description: String
        init(_ description: String) { self.description = description }
    }

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
            throw LaunchFailure("this C library has no posix_spawn_file_actions_addchdir_np (glibc 2.29 or later is needed)")
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
            throw LaunchFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
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
