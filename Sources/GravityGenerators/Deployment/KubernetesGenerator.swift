import GravityModel

/// Writes `deploy/kubernetes/`: per service a ConfigMap, Deployment (readiness and liveness
/// probes, resource limits), Service and, where the database allows more than one replica, a
/// HorizontalPodAutoscaler; one Secret template, the frontend, and an Ingress routing each prefix.
struct KubernetesGenerator {
    let model: AppModel
    let frontendFiles: [GeneratedFile]

    func files() -> [GeneratedFile] {
        var files = [
            GeneratedFile(path: "deploy/kubernetes/00-secrets.example.yaml", contents: secrets),
            GeneratedFile(path: "deploy/kubernetes/90-ingress.yaml", contents: ingress),
            GeneratedFile(path: "deploy/kubernetes/80-frontend.yaml", contents: frontend),
        ]
        for (index, service) in model.services.enumerated() {
            files.append(
                GeneratedFile(
                    path: "deploy/kubernetes/\(String(format: "%02d", 10 + index))-\(service.name).yaml",
                    contents: manifests(for: service)
                )
            )
        }
        return files
    }

    private var labels: String { "app.kubernetes.io/part-of: \(model.slug)" }

    var secrets: String {
        var lines = [
            "# Secrets the services read. Fill in real values and apply, or create it with",
            "#   kubectl create secret generic \(model.slug)-secrets --from-literal=JWT_SECRET=... (and the others)",
            "# This file is a template: it holds no real secret and is safe to commit.",
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            "  name: \(model.slug)-secrets",
            "  labels:",
            "    \(labels)",
            "type: Opaque",
            "stringData:",
            "  JWT_SECRET: \"\"",
        ]
        if model.identityService != nil { lines += ["  ADMIN_EMAIL: \"\"", "  ADMIN_PASSWORD: \"\""] }
        for service in model.services where service.engine == .postgresql {
            lines.append("  \(service.name.uppercased())_DATABASE_URL: \"\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func manifests(for service: AppModel.Service) -> String {
        let name = service.name.replacingOccurrences(of: "_", with: "-")
        let scalable = service.engine == .postgresql
        var config = ["  PAGE_SIZE: \"\(model.pageSize)\""]
        for other in service.referencedServices {
            config.append("  \(AppModel.Service.urlVariable(other)): \"http://\(other.replacingOccurrences(of: "_", with: "-")):80\"")
        }
        if service.engine == .sqlite { config.append("  DATABASE_URL: \"sqlite:////data/\(service.database).sqlite\"") }
        var secretEnv = [
            "            - name: JWT_SECRET",
            "              valueFrom: {secretKeyRef: {name: \(model.slug)-secrets, key: JWT_SECRET}}",
        ]
        if service.engine == .postgresql {
            secretEnv += [
                "            - name: DATABASE_URL",
                "              valueFrom: {secretKeyRef: {name: \(model.slug)-secrets, key: \(service.name.uppercased())_DATABASE_URL}}",
            ]
        }
        if service.isIdentity {
            for key in ["ADMIN_EMAIL", "ADMIN_PASSWORD"] {
                secretEnv += [
                    "            - name: \(key)", "              valueFrom: {secretKeyRef: {name: \(model.slug)-secrets, key: \(key)}}",
                ]
            }
        }
        var documents = [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: \(name)-config
              labels:
                \(labels)
            data:
            \(config.joined(separator: "\n"))
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              labels:
                app.kubernetes.io/name: \(name)
                \(labels)
            spec:
              replicas: \(scalable ? service.replicas : 1)
              selector:
                matchLabels:
                  app.kubernetes.io/name: \(name)
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: \(name)
                    \(labels)
                spec:
                  # The image runs as uid 10001; fsGroup makes a mounted volume writable by it.
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 10001
                    fsGroup: 10001
                  containers:
                    - name: \(name)
                      image: \(model.slug)/\(name):1.0.0
                      ports:
                        - containerPort: 8000
                      envFrom:
                        - configMapRef:
                            name: \(name)-config
                      env:
            \(secretEnv.joined(separator: "\n"))
                      readinessProbe:
                        httpGet: {path: \(service.healthCheck), port: 8000}
                        periodSeconds: 5
                        failureThreshold: 3
                      livenessProbe:
                        httpGet: {path: \(service.healthCheck), port: 8000}
                        initialDelaySeconds: 10
                        periodSeconds: 10
                        failureThreshold: 3
                      resources:
                        requests: {cpu: "100m", memory: "128Mi"}
                        limits: {cpu: "\(service.cpuLimit)", memory: "\(service.memoryLimit)"}
            \(service.engine == .sqlite ? sqliteVolume(name) : "")
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: \(name)
              labels:
                \(labels)
            spec:
              selector:
                app.kubernetes.io/name: \(name)
              ports:
                - port: 80
                  targetPort: 8000
            """,
        ]
        if scalable {
            documents.append(
                """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: \(name)
                  labels:
                    \(labels)
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: \(name)
                  minReplicas: \(service.replicas)
                  maxReplicas: \(max(service.replicas * 4, 4))
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target:
                          type: Utilization
                          averageUtilization: 70
                """
            )
        } else {
            documents.append(
                """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: \(name)-data
                  labels:
                    \(labels)
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
                """
            )
        }
        let note =
            scalable
            ? "# \(service.name): PostgreSQL-backed, so it scales out (HorizontalPodAutoscaler below)."
            : "# \(service.name): SQLite on a volume, so it runs as one replica; choose PostgreSQL in the Blueprint to scale it out."
        return note + "\n" + documents.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: "\n---\n") + "\n"
    }

    private func sqliteVolume(_ name: String) -> String {
        """
                  volumeMounts:
                    - name: data
                      mountPath: /data
              volumes:
                - name: data
                  persistentVolumeClaim:
                    claimName: \(name)-data
        """
    }

    var ingress: String {
        var paths = model.services.map { service in
            """
                      - path: \(service.apiPrefix)
                        pathType: Prefix
                        backend:
                          service:
                            name: \(service.name.replacingOccurrences(of: "_", with: "-"))
                            port:
                              number: 80
            """
        }
        paths.append(
            """
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: frontend
                            port:
                              number: 80
            """
        )
        return """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: \(model.slug)
              labels:
                \(labels)
            spec:
              rules:
                - http:
                    paths:
            \(paths.joined(separator: "\n"))

            """
    }

    /// `text` with `prefix` before every line, worked on as bytes: splitting a large file into
    /// Characters costs more than all the rest of the manifest.
    static func indented(_ text: String, by prefix: String) -> String {
        var bytes: [UInt8] = Array(prefix.utf8)
        bytes.reserveCapacity(text.utf8.count * 11 / 10 + prefix.utf8.count)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\n") { bytes += prefix.utf8 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    var frontend: String {
        let data = frontendFiles.map { file in
            let key = String(file.path.dropFirst("frontend/".count)).replacingOccurrences(of: "/", with: "_")
            let body = Self.indented(file.contents, by: "    ")
            return "  \(key): |\n\(body)"
        }.joined(separator: "\n")
        let items = frontendFiles.map { file in
            let path = String(file.path.dropFirst("frontend/".count))
            return "                  - key: \(path.replacingOccurrences(of: "/", with: "_"))\n                    path: \(path)"
        }.joined(separator: "\n")
        return """
            # The single-page application, served by nginx from a ConfigMap.
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: frontend-files
              labels:
                \(labels)
            data:
            \(data)
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: frontend
              labels:
                app.kubernetes.io/name: frontend
                \(labels)
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app.kubernetes.io/name: frontend
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: frontend
                    \(labels)
                spec:
                  containers:
                    - name: nginx
                      image: nginx:1.27-alpine
                      ports:
                        - containerPort: 80
                      readinessProbe:
                        httpGet: {path: /, port: 80}
                      livenessProbe:
                        httpGet: {path: /, port: 80}
                      resources:
                        limits: {cpu: "200m", memory: "64Mi"}
                      volumeMounts:
                        - name: files
                          mountPath: /usr/share/nginx/html
                  volumes:
                    - name: files
                      configMap:
                        name: frontend-files
                        items:
            \(items)
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: frontend
              labels:
                \(labels)
            spec:
              selector:
                app.kubernetes.io/name: frontend
              ports:
                - port: 80
                  targetPort: 80

            """
    }
}
