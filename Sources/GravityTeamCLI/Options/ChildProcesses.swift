import Foundation
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// The programs this process started (the generated tests, pip), each in a process group of its own,
/// so a Ctrl-C at the terminal does not reach them: stopped before the process exits, never orphaned.
enum ChildProcesses {
    static func stop() {
        let groups = ProcessControl.childGroups(of: getpid()).subtracting([getpgrp()])
        for group in groups { kill(-group, SIGTERM) }
        // A child that has exited is a zombie until it is reaped: gone for this purpose.
        func running() -> [pid_t] { groups.filter(ProcessControl.groupIsRunning) }
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline, !running().isEmpty { usleep(50_000) }
        for group in running() { kill(-group, SIGKILL) }
    }
}
