import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What /proc and kill(2) say of processes: whether one lives, is the same one, or has ended.
extension ProcessControl {
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
        return !members(ofGroup: group).isEmpty
    }

    /// The living processes of group `group` (zombies do not count), from /proc.
    static func members(ofGroup group: pid_t) -> [pid_t] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry in
            guard let pid = pid_t(entry), let fields = statFields(of: pid), fields.count > 2, fields[0] != "Z", pid_t(fields[2]) == group
            else { return nil }
            return pid
        }
    }

    /// The resident memory of every living process of group `group`, in bytes, and how many
    /// processes that is (a server and its worker processes), from /proc; nil when none lives.
    public static func residentMemory(ofGroup group: pid_t) -> (bytes: Int, processes: Int)? {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // statm: size, then resident, in pages.
        let resident = members(ofGroup: group).compactMap { pid in
            (try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8)).flatMap { $0.split(separator: " ").dropFirst().first }
                .flatMap { Int($0) }
        }
        return resident.isEmpty ? nil : (resident.reduce(0, +) * page, resident.count)
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
}
