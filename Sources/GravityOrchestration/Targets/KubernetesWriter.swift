import Foundation
import GravityModel

/// Kubernetes manifests for a directory of services, from their manifests: per service a ConfigMap,
/// a Deployment with probes and resources, a Service (and a volume claim for SQLite); a Secret to
/// fill in; an Ingress for the api_prefix routes. Images are `<app>/<service>:<version>`, built from
/// each service's Dockerfile and pushed where the cluster can pull them.
struct KubernetesWriter {
    static let marker = "# Written by gravity-team deploy from the services' gravity-service.yaml"

    let plan: DeploymentPlan

    /// File name to contents.
    func render() -> [(String, String)] {
        let specs = plan.services.map { ContainerSpec($0, root: plan.root) }
        var files: [(String, String)] = [("00-secrets.example.yaml", secrets(specs))]
        for (index, spec) in specs.enumerated() {
            files.append((String(format: "%02d-%@.yaml", 10 + index, spec.name), service(spec)))
        }
        files.append(("90-ingress.yaml", ingress(specs)))
        return files
    }

    var labels: [String] { ["    app.kubernetes.io/part-of: \(plan.name)"] }

    func secrets(_ specs: [ContainerSpec]) -> String {
        var lines = [
            Self.marker + ". Fill in the values, then apply it once (it is not refreshed).",
            "apiVersion: v1", "kind: Secret", "metadata:", "  name: \(plan.name)-secrets", "  labels:",
        ]
        lines += labels + ["type: Opaque", "stringData:"]
        var keys = Set(specs.flatMap { $0.manifest.environment.secrets })
        for spec in specs {
            for database in spec.postgres {
                keys.insert(Naming.environmentName(spec.name) + "_" + Naming.environmentName(database.name) + "_URL")
            }
        }
        lines += keys.isEmpty ? ["  {}"] : keys.sorted().map { "  \($0): \"\"" }
        return lines.joined(separator: "\n") + "\n"
    }

    func service(_ spec: ContainerSpec) -> String {
        let name = spec.name
        let manifest = spec.manifest
        let check = manifest.healthCheck
        var lines = [
            Self.marker + ".",
            "apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: \(name)-config", "  labels:",
        ]
        lines += labels + ["data:"]
        lines += spec.variables(serviceURL: { "http://\($0)" }).map { "  \($0.0): \(ComposeWriter.quoted($0.1))" }
        let replicas = spec.sqlite.isEmpty ? manifest.replicas : 1
        lines += [
            "---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: \(name)", "  labels:",
            "    app.kubernetes.io/name: \(name)",
        ]
        lines += labels
        lines += [
            "spec:", "  replicas: \(replicas)", "  selector:", "    matchLabels:", "      app.kubernetes.io/name: \(name)",
            "  template:", "    metadata:", "      labels:", "        app.kubernetes.io/name: \(name)", "    spec:", "      containers:",
            "        - name: \(name)",
            "          image: \(plan.name)/\(name):\(manifest.version)",
            "          ports:", "            - containerPort: \(ContainerSpec.port)",
            "          envFrom:", "            - configMapRef:", "                name: \(name)-config",
        ]
        var secretEnvironment = manifest.environment.secrets.sorted().map { ($0, $0) }
        for (index, database) in spec.postgres.enumerated() {
            let variable =
                index == 0 && manifest.databases.first == database ? "DATABASE_URL" : Naming.environmentName(database.name) + "_URL"
            secretEnvironment.append(
                (variable, Naming.environmentName(name) + "_" + Naming.environmentName(database.name) + "_URL")
            )
        }
        if !secretEnvironment.isEmpty {
            lines += ["          env:"]
            for (variable, key) in secretEnvironment {
                lines += [
                    "            - name: \(variable)", "              valueFrom:", "                secretKeyRef:",
                    "                  name: \(plan.name)-secrets", "                  key: \(key)",
                ]
            }
        }
        for probe in ["readinessProbe", "livenessProbe"] {
            lines += [
                "          \(probe):", "            httpGet:", "              path: \(check.endpoint)",
                "              port: \(ContainerSpec.port)",
                "            periodSeconds: \(max(1, Int(check.interval.rounded())))",
                "            timeoutSeconds: \(max(1, Int(check.timeout.rounded())))",
                "            failureThreshold: \(check.retries)",
            ]
        }
        if manifest.cpuLimit != nil || manifest.memoryLimit != nil {
            lines += ["          resources:", "            limits:"]
            if let cpu = manifest.cpuLimit { lines += ["              cpu: \(ComposeWriter.quoted(cpu))"] }
            if let memory = manifest.memoryLimit { lines += ["              memory: \(ComposeWriter.quoted(memory))"] }
        }
        if !spec.sqlite.isEmpty {
            lines += [
                "          volumeMounts:", "            - name: data", "              mountPath: /data",
                "      volumes:", "        - name: data", "          persistentVolumeClaim:", "            claimName: \(name)-data",
            ]
        }
        lines += [
            "---", "apiVersion: v1", "kind: Service", "metadata:", "  name: \(name)", "  labels:",
        ]
        lines += labels
        lines += [
            "spec:", "  selector:", "    app.kubernetes.io/name: \(name)", "  ports:",
            "    - port: 80", "      targetPort: \(ContainerSpec.port)",
        ]
        if !spec.sqlite.isEmpty {
            lines += [
                "---", "apiVersion: v1", "kind: PersistentVolumeClaim", "metadata:", "  name: \(name)-data", "  labels:",
            ]
            lines += labels
            lines += ["spec:", "  accessModes: [ReadWriteOnce]", "  resources:", "    requests:", "      storage: 1Gi"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func ingress(_ specs: [ContainerSpec]) -> String {
        var lines = [
            Self.marker + ".",
            "apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata:", "  name: \(plan.name)", "  labels:",
        ]
        lines += labels
        lines += ["spec:", "  rules:", "    - http:", "        paths:"]
        let routed = specs.filter { $0.manifest.apiPrefix != nil }
        for spec in routed {
            lines += [
                "          - path: \(spec.manifest.apiPrefix!)", "            pathType: Prefix", "            backend:",
                "              service:",
                "                name: \(spec.name)", "                port:", "                  number: 80",
            ]
        }
        if routed.isEmpty {
            return lines.dropLast(3).joined(separator: "\n")
                + "\n  defaultBackend:\n    service:\n      name: \(specs[0].name)\n      port:\n        number: 80\n"
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
