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
        let changed = try ServiceFingerprint.changed(now, records: try store.services())
        guard !changed.isEmpty else { return [] }
        journal.event(.step, nil, "update: \(changed.joined(separator: ", ")) changed since deployed")
        // Nothing is taken as done until each step has worked: a failed update is tried again whole.
        var pythonBin = context.pythonBin
        if now.pythonRequirements != plan.pythonRequirements { pythonBin = try await preparePython(now.pythonRequirements) }
        let services = now.waves.joined().filter { changed.contains($0.name) }
        var databaseURLs = context.databaseURLs
        for service in services { databaseURLs[service.name] = try await prepareDatabases(of: service) }
        context.databaseURLs = databaseURLs
        for service in services {
            guard let unit = unit(named: service.name), let port = context.ports[service.name] else { continue }
            var launch = try ServiceLaunch.make(
                service: service, port: port, databaseURLs: databaseURLs[service.name] ?? [], dependencyPorts: context.ports,
                secrets: context.secrets, pythonBin: pythonBin
            )
            launch.fingerprint = ServiceFingerprint.of(directory: service.directory)
            journal.event(.step, service.name, "restarting with its new files")
            try await unit.replace(with: launch)
        }
        context.pythonBin = pythonBin
        plan = now
        return changed
    }
}
