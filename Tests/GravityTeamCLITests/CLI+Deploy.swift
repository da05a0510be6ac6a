import Foundation
import GravityOrchestration

extension CLI {
    /// `gravity-team deploy path --port P extra...` on a loopback port free when drawn. The command
    /// may wait for a process slot and starts the services before the gateway, and another test's
    /// service can take the port meanwhile; a deploy refused for that alone is tried on another port.
    static func deploy(
        _ path: String, _ extra: [String] = [], in directory: String? = nil, environment: [String: String] = [:]
    ) async throws -> (outcome: Outcome, port: Int) {
        var promised: Set<Int> = []
        while true {
            let port = try PortAllocator.freePort(excluding: promised)
            promised.insert(port)
            let outcome = try await run(["deploy", path, "--port", String(port)] + extra, in: directory, environment: environment)
            let taken = outcome.status != 0 && outcome.stderr.contains("port \(port) on 127.0.0.1 is already in use")
            if !taken || promised.count == 3 { return (outcome, port) }
        }
    }
}
