import Foundation
import GravityModel

/// docker-compose.yml for a directory of services, from their manifests: each service built from
/// its Dockerfile (or run from its runtime's image), PostgreSQL containers for postgresql databases,
/// health checks, depends_on conditions, and a Traefik gateway routing the api_prefix paths.
struct ComposeWriter {
    static let marker = "# Written by gravity-team deploy from the services' gravity-service.yaml"

    let plan: DeploymentPlan

    func render() -> String {
        let specs = plan.services.map { ContainerSpec($0, root: plan.root) }
        var lines = [
            Self.marker + "; refreshed by every `deploy --target compose`.",
            "# Secrets are read from deploy/.env: \(secretNames(specs).joined(separator: ", ")).",
            "# Project: \(plan.name) (deploy passes it with -p; a top-level name: would shut out docker-compose 1.x).",
            "services:",
            "  gateway:",
            "    image: traefik:v3.1",
            "    command: [\"--providers.docker=true\", \"--providers.docker.exposedbydefault=false\", \"--entrypoints.web.address=:80\"]",
            "    ports: [\"127.0.0.1:${GATEWAY_PORT:-\(plan.defaultPort)}:80\"]",
            "    volumes: [\"/var/run/docker.sock:/var/run/docker.sock:ro\"]",
        ]
        var volumes: [String] = []
        for spec in specs {
            lines += ["  \(spec.name):"]
            if spec.hasDockerfile {
                lines += ["    build: ../\(spec.path)"]
            } else {
                let start = spec.command.map(Self.shellQuoted).joined(separator: " ")
                let install = spec.hasRequirements ? "pip install --no-cache-dir -r requirements.txt && " : ""
                lines += [
                    "    image: \(spec.baseImage)",
                    "    working_dir: /app",
                    "    volumes: [\"../\(spec.path):/app:ro\"\(spec.sqlite.isEmpty ? "" : ", \"\(spec.name)-data:/data\"")]",
                    "    command: [\"sh\", \"-c\", \(Self.quoted(Self.literalDollars(install + "exec " + start)))]",
                ]
            }
            if spec.hasDockerfile && !spec.sqlite.isEmpty { lines += ["    volumes: [\"\(spec.name)-data:/data\"]"] }
            if !spec.sqlite.isEmpty { volumes.append("\(spec.name)-data") }
            lines += ["    environment:"]
            for (key, value) in spec.variables(serviceURL: { "http://\($0):\(ContainerSpec.port)" }) {
                lines += ["      \(key): \(Self.quoted(Self.literalDollars(value)))"]
            }
            for (index, database) in spec.postgres.enumerated() {
                let variable =
                    index == 0 && spec.manifest.databases.first == database
                    ? "DATABASE_URL" : Naming.environmentName(database.name) + "_URL"
                let host = "\(spec.name)-\(database.name)".replacingOccurrences(of: "_", with: "-")
                lines += [
                    "      \(variable): \"postgresql://\(database.name):${\(passwordVariable(spec, database)):?set it in deploy/.env}@\(host):5432/\(database.name)\""
                ]
            }
            for secret in spec.manifest.environment.secrets.sorted() {
                lines += ["      \(secret): \"${\(secret):?set \(secret) in deploy/.env}\""]
            }
            var dependencies = spec.manifest.dependencies.filter { plan.service($0.name) != nil }.map(\.name)
            dependencies += spec.postgres.map { "\(spec.name)-\($0.name)".replacingOccurrences(of: "_", with: "-") }
            if !dependencies.isEmpty {
                lines += ["    depends_on:"]
                for dependency in dependencies { lines += ["      \(dependency):", "        condition: service_healthy"] }
            }
            let check = spec.manifest.healthCheck
            lines += [
                "    healthcheck:",
                "      test: [\"CMD-SHELL\", \(Self.quoted(spec.healthTest))]",
                "      interval: \(Self.seconds(check.interval))",
                "      timeout: \(Self.seconds(check.timeout))",
                "      retries: \(check.retries)",
            ]
            if let prefix = spec.manifest.apiPrefix {
                lines += [
                    "    labels:",
                    "      - traefik.enable=true",
                    "      - traefik.http.routers.\(spec.name).rule=PathPrefix(`\(prefix)`)",
                    "      - traefik.http.services.\(spec.name).loadbalancer.server.port=\(ContainerSpec.port)",
                ]
            }
            for database in spec.postgres {
                let host = "\(spec.name)-\(database.name)".replacingOccurrences(of: "_", with: "-")
                volumes.append("\(host)-data")
                lines += [
                    "  \(host):",
                    "    image: postgres:\(database.version ?? "16")-alpine",
                    "    environment:",
                    "      POSTGRES_DB: \(database.name)",
                    "      POSTGRES_USER: \(database.name)",
                    "      POSTGRES_PASSWORD: \"${\(passwordVariable(spec, database)):?set it in deploy/.env}\"",
                    "    volumes: [\"\(host)-data:/var/lib/postgresql/data\"]",
                    "    healthcheck:",
                    "      test: [\"CMD-SHELL\", \"pg_isready -U \(database.name) -d \(database.name)\"]",
                    "      interval: 5s",
                    "      timeout: 3s",
                    "      retries: 10",
                ]
            }
        }
        if !volumes.isEmpty {
            lines += ["volumes:"]
            lines += volumes.map { "  \($0): {}" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func passwordVariable(_ spec: ContainerSpec, _ database: ServiceManifest.Database) -> String {
        Naming.environmentName(database.name) + "_PASSWORD"
    }

    func secretNames(_ specs: [ContainerSpec]) -> [String] {
        let names = Set(
            specs.flatMap { $0.manifest.environment.secrets } + specs.flatMap { spec in spec.postgres.map { passwordVariable(spec, $0) } }
        )
        return names.isEmpty ? ["none"] : names.sorted()
    }

    static func quoted(_ text: String) -> String { Escaping.doubleQuoted(text) }

    /// `$` doubled, so that Compose takes it literally instead of interpolating a variable.
    static func literalDollars(_ text: String) -> String { Escaping.replacing(text) { $0 == "$" ? "$$" : nil } }

    static func shellQuoted(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,@".contains($0) }
            ? word : "'" + Escaping.replacing(word) { $0 == "'" ? "'\\''" : nil } + "'"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(Int((value * 1000).rounded()))ms"
    }
}
