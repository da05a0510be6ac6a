import Foundation

/// Reading the log files that started programs write.
public enum LogFile {
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
