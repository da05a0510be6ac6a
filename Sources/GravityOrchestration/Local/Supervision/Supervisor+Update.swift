import Foundation
import GravityDeployContract
import GravitySystem

extension Supervisor {
    /// Takes the updates `deploy` asks for while the app runs, one at a time, until cancelled.
    func takeUpdates() async {
        while !Task.isCancelled {
            if let id = try? store.takeUpdateRequest() {
                let succeeded = await update()
                try? store.finishUpdate(id, succeeded: succeeded)
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Takes the app's files as they are now: the migrations not yet applied to each changed
    /// service's databases (each once), then the changed services restarted one at a time, each
    /// healthy before the next; the others, the gateway and every stored row are left as they are.
    /// Says how it went in the events `deploy` follows; false when it could not.
    func update() async -> Bool {
        do {
            let changed = try await applyUpdate()
            let names = changed.isEmpty ? "nothing had changed" : "\(changed.joined(separator: ", ")) restarted with their new files"
            journal.event(.updated, nil, "\(plan.name) updated: \(names)")
            return true
        } catch {
            journal.event(.updateFailed, nil, "\(error)")
            return false
        }
    }

    private func applyUpdate() async throws -> [String] {
        let now = try DeploymentPlan.load(plan.root)
        let before = Set(plan.services.map(\.name))
        let after = Set(now.services.map(\.name))
        guard before == after else {
            let added = after.subtracting(before).sorted()
            let removed = before.subtracting(after).sorted()
            let what = (added.isEmpty ? [] : ["adds \(added.joined(separator: ", "))"]) + (removed.isEmpty ? [] : ["removes \(removed.joined(separator: ", "))"])
            throw DeployError.updateNeedsRestart(app: plan.name, reason: "the change \(what.joined(separator: " and ")); the gateway's routes change with it")
        }
        let recorded = Dictionary((try store.services()).map { ($0.name, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        let changed = now.waves.joined().filter { ServiceFingerprint.of(directory: $0.directory) != recorded[$0.name] ?? nil }
        guard !changed.isEmpty else { return [] }
        journal.event(.step, nil, "update: \(changed.map(\.name).joined(separator: ", ")) changed since deployed")
        if now.pythonRequirements != plan.pythonRequirements {
            plan = now
            context.pythonBin = try await preparePython()
        }
        plan = now
        for service in changed {
            context.databaseURLs[service.name] = try await prepareDatabases(of: service)
        }
        for service in changed {
            guard let unit = unit(named: service.name), let port = context.ports[service.name] else { continue }
            let launch = try ServiceLaunch.make(
                service: service, port: port, databaseURLs: context.databaseURLs[service.name] ?? [], dependencyPorts: context.ports,
                secrets: try store.secrets(Set(service.manifest.environment.secrets)), pythonBin: context.pythonBin
            )
            journal.event(.step, service.name, "restarting with its new files")
            try await unit.replace(with: launch)
        }
        return changed.map(\.name)
    }
}
