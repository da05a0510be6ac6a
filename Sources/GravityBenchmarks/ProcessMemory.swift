import Foundation
import GravityRuntime

/// This process's memory, from /proc/self/status (Linux): resident now and the high-water mark.
public enum ProcessMemory {
    /// Resident set size in bytes, or 0 where /proc is not available.
    public static var resident: Int { field("VmRSS:") }

    /// Returns memory the allocator holds but nothing uses to the system, so that resident memory
    /// grows again with what is allocated next.
    public static func releaseFreed() { _ = mallocTrim?(0) }

    /// glibc's malloc_trim, which Swift does not import; absent on other C libraries.
    private typealias MallocTrim = @convention(c) (Int) -> Int32
    private static let mallocTrim: MallocTrim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: MallocTrim.self)
    }()

    /// Starts the high-water mark again from the memory resident now (Linux 4.0+: writing 5 to
    /// /proc/self/clear_refs); elsewhere it keeps counting from the start of the process.
    public static func resetPeak() {
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return }
        _ = write(descriptor, "5", 1)
        close(descriptor)
    }

    /// The most resident memory since the start or the last `resetPeak`, in bytes.
    public static var peak: Int { field("VmHWM:") }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let kilobytes = Int(line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }
}
