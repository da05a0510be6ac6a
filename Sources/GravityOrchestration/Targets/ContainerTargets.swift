import Foundation
import GravityDeployContract
import GravityModel
import GravitySystem

/// The compose and Kubernetes targets: write (or keep) the files, then hand them to docker compose
/// or kubectl when an engine or a cluster answers, and say plainly when none does.
public enum ContainerTargets {
    /// The first comment of every file deploy writes (after `# `): a file without it is the app's own.
    static let marker = "Written by gravity-team deploy from the services' gravity-service.yaml"

    public struct Outcome: Sendable {
        /// What was written or kept, relative to the app.
        public var files: [String]
        /// Whether the files were written now (false: the app's own were used as they are).
        public var wrote: Bool
        /// What the engine or cluster said, or why it was not used.
        public var applied: Bool
        public var message: String
    }

    /// Writes `deploy/docker-compose.yml` unless the app has its own, then `docker compose up -d`.
    public static func compose(_ plan: DeploymentPlan, progress: (String) -> Void) async throws -> Outcome {
        let relative = "deploy/docker-compose.yml"
        let wrote = try refresh(plan, relative) { try ComposeRenderer.render(plan.containerApp) }
        progress(wrote ? "wrote \(relative) from the services' manifests" : "using the app's \(relative)")
        let file = "\(plan.root)/\(relative)"
        guard let docker = ProcessRunner.which("docker") else {
            return Outcome(
                files: [relative],
                wrote: wrote,
                applied: false,
                message: "no container engine (docker is not installed); \(relative) is ready: docker compose -f \(relative) up -d"
            )
        }
        let info = try await ProcessRunner.run(docker, ["info", "--format", "{{.ServerVersion}}"], timeout: .seconds(15))
        guard info.status == 0 else {
            return Outcome(
                files: [relative],
                wrote: wrote,
                applied: false,
                message:
                    "no container engine answered (docker info: \(info.output.lastLine)); \(relative) is ready: docker compose -f \(relative) up -d"
            )
        }
        progress("docker \(info.output.lastLine) answers; docker compose up -d")
        let up = try await ProcessRunner.run(
            docker,
            ["compose", "-p", plan.name, "-f", file, "up", "-d", "--build"],
            in: plan.root,
            timeout: .seconds(1800)
        )
        guard up.status == 0 else { throw DeployError.containerCommandFailed(command: "docker compose up", problem: up.output.lastLine) }
        return Outcome(files: [relative], wrote: wrote, applied: true, message: "started with docker compose (\(relative))")
    }

    /// Writes `deploy/kubernetes/` unless the app has its own, then `kubectl apply` when a cluster answers.
    public static func kubernetes(_ plan: DeploymentPlan, progress: (String) -> Void) async throws -> Outcome {
        let folder = "deploy/kubernetes"
        let existing = ((try? FileManager.default.contentsOfDirectory(atPath: "\(plan.root)/\(folder)")) ?? []).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        let ours = existing.allSatisfy { name in
            (try? String(contentsOfFile: "\(plan.root)/\(folder)/\(name)", encoding: .utf8))?.hasPrefix("# " + marker) == true
        }
        var files = existing.map { "\(folder)/\($0)" }
        let wrote = existing.isEmpty || ours
        if wrote {
            try FileManager.default.createDirectory(atPath: "\(plan.root)/\(folder)", withIntermediateDirectories: true)
            files = []
            for file in try KubernetesRenderer.render(plan.containerApp) {
                let path = "\(plan.root)/\(folder)/\(file.name)"
                files.append("\(folder)/\(file.name)")
                // The secrets file is the user's to fill in: written once, never replaced.
                if file.name == KubernetesRenderer.secretsFile, FileManager.default.fileExists(atPath: path) { continue }
                try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            }
            progress("wrote \(files.count) files in \(folder)/ from the services' manifests")
        } else {
            progress("using the app's \(folder)/ (\(files.count) files)")
        }
        let applyFiles = files.filter { !$0.contains("secrets.example") }
        guard let kubectl = ProcessRunner.which("kubectl") else {
            return Outcome(
                files: files,
                wrote: wrote,
                applied: false,
                message: "no cluster (kubectl is not installed); the manifests are ready: kubectl apply -f \(folder)/"
            )
        }
        let info = try await ProcessRunner.run(kubectl, ["cluster-info", "--request-timeout=5s"], timeout: .seconds(20))
        guard info.status == 0 else {
            return Outcome(
                files: files,
                wrote: wrote,
                applied: false,
                message:
                    "no cluster answered (kubectl cluster-info: \(info.output.lastLine)); the manifests are ready: kubectl apply -f \(folder)/"
            )
        }
        let applied = try await ProcessRunner.run(
            kubectl,
            ["apply"] + applyFiles.flatMap { ["-f", "\(plan.root)/\($0)"] },
            timeout: .seconds(600)
        )
        guard applied.status == 0 else { throw DeployError.containerCommandFailed(command: "kubectl apply", problem: applied.output.lastLine) }
        return Outcome(files: files, wrote: wrote, applied: true, message: "applied to the cluster of kubectl's current context")
    }

    /// Writes `relative` when it is missing or was written by deploy before; keeps a file of the
    /// app's own (the generators' or the user's). Returns whether it wrote.
    static func refresh(_ plan: DeploymentPlan, _ relative: String, render: () throws -> String) throws -> Bool {
        let path = "\(plan.root)/\(relative)"
        if let current = try? String(contentsOfFile: path, encoding: .utf8), !current.hasPrefix("# " + marker) { return false }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try render().write(toFile: path, atomically: true, encoding: .utf8)
        return true
    }
}
