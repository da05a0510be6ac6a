import Foundation
import GravityRuntime

/// The machine a benchmark ran on, for reports.
public struct MachineDescription: Codable, Sendable {
    public var cores: Int
    public var memoryBytes: UInt64
    public var system: String
    public var processor: String
    public var date: String

    enum CodingKeys: String, CodingKey {
        case cores, system, processor, date
        case memoryBytes = "memory_bytes"
    }

    public static var current: MachineDescription {
        let info = ProcessInfo.processInfo
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return MachineDescription(
            cores: info.activeProcessorCount,
            memoryBytes: info.physicalMemory,
            system: info.operatingSystemVersionString,
            processor: cpu,
            date: formatter.string(from: Date())
        )
    }

    public var summary: String {
        "\(cores) cores, \(memoryBytes / 1_073_741_824) GiB, \(processor), \(system), \(date)"
    }
}
