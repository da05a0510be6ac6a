import GravityOrchestration
import GravitySystem

/// A service's resident memory (its server and worker processes together) when idle, before the
/// workloads, and after them: memory that grows with the load is a leak or an unbounded cache.
public struct ServiceMemory: Sendable, Encodable {
    public var service: String
    public var processes: Int
    public var idleBytes: Int
    public var afterBytes: Int
    public var ratio: Double { Double(afterBytes) / Double(max(idleBytes, 1)) }

    enum CodingKeys: String, CodingKey {
        case service, processes, ratio
        case idleBytes = "idle_bytes"
        case afterBytes = "after_bytes"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(service, forKey: .service)
        try container.encode(processes, forKey: .processes)
        try container.encode(idleBytes, forKey: .idleBytes)
        try container.encode(afterBytes, forKey: .afterBytes)
        try container.encode(ratio, forKey: .ratio)
    }

    /// Each running service's resident memory now, by name.
    static func sample(_ plan: DeploymentPlan) throws -> [String: (bytes: Int, processes: Int)] {
        var sizes: [String: (bytes: Int, processes: Int)] = [:]
        for service in try LocalDeployment.status(plan).services {
            guard let pid = service.pid, let size = ProcessControl.residentMemory(ofGroup: pid) else { continue }
            sizes[service.name] = size
        }
        return sizes
    }

    /// The services sampled both times, in the order of the first sample's names.
    static func compare(idle: [String: (bytes: Int, processes: Int)], after: [String: (bytes: Int, processes: Int)]) -> [ServiceMemory] {
        idle.keys.sorted().compactMap { name in
            guard let before = idle[name], let now = after[name] else { return nil }
            return ServiceMemory(service: name, processes: now.processes, idleBytes: before.bytes, afterBytes: now.bytes)
        }
    }
}
