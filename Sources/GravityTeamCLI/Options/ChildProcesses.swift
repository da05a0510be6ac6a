import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The programs this process started (the generated tests, pip), each in a process group of its own,
/// so a Ctrl-C at the terminal does not reach them: stopped before the process exits, never orphaned.
enum ChildProcesses {
    static func stop() {
        let groups = Set(children().map(\.group)).subtracting([getpgrp()])
        for group in groups { kill(-group, SIGTERM) }
        // A child that has exited is a zombie until it is reaped: gone for this purpose.
        func running() -> Set<pid_t> { Set(children().map(\.group)).intersection(groups) }
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline, !running().isEmpty { usleep(50_000) }
        for group in running() { kill(-group, SIGKILL) }
    }

    /// The living children of this process, with their process groups, from /proc (Linux); none elsewhere.
    private static func children() -> [(pid: pid_t, group: pid_t)] {
        let me = getpid()
        var found: [(pid_t, pid_t)] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After the command's name: state, parent, process group.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, pid_t(fields[1]) == me, let group = pid_t(fields[2]), fields[0] != "Z" else { continue }
            found.append((pid, group))
        }
        return found
    }
}
