/// `docker-compose.yml` for a `ContainerApp`: a Traefik gateway routing each service's prefix, the
/// frontend when there is one, every service with its environment, volumes, health check and
/// `depends_on` conditions, a container per database server (PostgreSQL, MySQL, MongoDB, Redis), and
/// the named volumes.
public enum ComposeRenderer {
    static let traefikImage = "traefik:v3.1"
    static let nginxImage = "nginx:1.27-alpine"

    /// The file's text, its comment first.
    public static func render(_ app: ContainerApp) throws -> String {
        var services: [(String, YAMLValue)] = [("gateway", gateway(app))]
        if let frontend = app.frontend { services.append(("frontend", Self.frontend(frontend))) }
        var volumes: [String] = []
        for service in app.services {
            services.append((service.name, container(service)))
            if service.dataVolume { volumes.append(dataVolume(service)) }
            for server in service.databaseServers {
                services.append((server.host, database(server)))
                volumes.append(server.volume)
            }
        }
        var file: [(String, YAMLValue)] = [("services", .map(services))]
        if !volumes.isEmpty { file.append(("volumes", .map(volumes.map { ($0, .map([])) }))) }
        return try YAMLText.file([.map(file)], named: "docker-compose.yml", comment: app.comments.compose)
    }

    static func gateway(_ app: ContainerApp) -> YAMLValue {
        var command = ["--providers.docker=true", "--providers.docker.exposedbydefault=false", "--entrypoints.web.address=:80"]
        if app.gateway.waitsForServices { command.append("--ping=true") }
        var pairs: [(String, YAMLValue)] = [
            ("image", .text(traefikImage)),
            ("command", .texts(command)),
            ("ports", .texts(["127.0.0.1:\(app.gateway.hostPort):80"])),
            ("volumes", .texts(["/var/run/docker.sock:/var/run/docker.sock:ro"])),
        ]
        if app.gateway.waitsForServices {
            pairs.append(("healthcheck", healthCheck(["CMD", "traefik", "healthcheck", "--ping"], retries: 10)))
            pairs.append(("depends_on", healthy(app.services.map(\.name))))
        }
        return .map(pairs)
    }

    static func frontend(_ frontend: StaticFrontend) -> YAMLValue {
        .map([
            ("image", .text(nginxImage)),
            ("volumes", .texts(["../\(frontend.directory):/usr/share/nginx/html:ro"])),
            ("healthcheck", healthCheck(["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"], retries: 10)),
            (
                "labels",
                .texts([
                    "traefik.enable=true", "traefik.http.routers.frontend.rule=PathPrefix(`/`)",
                    "traefik.http.routers.frontend.priority=1", "traefik.http.services.frontend.loadbalancer.server.port=80",
                ])
            ),
        ])
    }

    /// A database container with its data on a named volume, healthy once it answers its own client
    /// (`$$` is a `$` the container's shell expands, not Compose).
    static func database(_ server: DatabaseServer) -> YAMLValue {
        let environment: [(String, String)]
        var command: [String]? = nil
        let test: [String]
        switch server.engine {
        case .postgresql:
            environment = [("POSTGRES_DB", server.database), ("POSTGRES_USER", server.user), ("POSTGRES_PASSWORD", server.password)]
            test = ["CMD-SHELL", "pg_isready -U \(server.user) -d \(server.database)"]
        case .mysql:
            environment = [
                ("MYSQL_DATABASE", server.database), ("MYSQL_USER", server.user), ("MYSQL_PASSWORD", server.password),
                ("MYSQL_RANDOM_ROOT_PASSWORD", "yes"),
            ]
            test = ["CMD-SHELL", "mysqladmin ping -h 127.0.0.1 -u \(server.user) --password=\"$$MYSQL_PASSWORD\" --silent"]
        case .mongodb:
            environment = [
                ("MONGO_INITDB_DATABASE", server.database), ("MONGO_INITDB_ROOT_USERNAME", server.user),
                ("MONGO_INITDB_ROOT_PASSWORD", server.password),
            ]
            test = ["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok"]
        case .redis:
            environment = [("REDIS_PASSWORD", server.password)]
            // The password from the environment, so it is not in the process list's arguments twice.
            command = ["sh", "-c", "exec redis-server --appendonly yes --requirepass \"$$REDIS_PASSWORD\""]
            test = ["CMD-SHELL", "redis-cli -a \"$$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG"]
        }
        var pairs: [(String, YAMLValue)] = [("image", .text(server.image))]
        if let command { pairs.append(("command", .texts(command))) }
        pairs += [
            ("environment", .textMap(environment)),
            ("volumes", .texts(["\(server.volume):\(server.engine.dataDirectory)"])),
            ("healthcheck", healthCheck(test, retries: server.retries)),
        ]
        return .map(pairs)
    }

    static func dataVolume(_ service: ContainerService) -> String { "\(service.name)-data" }

    /// `depends_on` waiting for each of `names` to be healthy.
    static func healthy(_ names: [String]) -> YAMLValue {
        .map(names.map { ($0, .map([("condition", .text("service_healthy"))])) })
    }

    static func healthCheck(
        _ test: [String],
        interval: String = "5s",
        timeout: String = "3s",
        retries: Int,
        startPeriod: String? = nil
    ) -> YAMLValue {
        let pairs: [(String, YAMLValue)] = [("test", .texts(test)), ("interval", .text(interval)), ("timeout", .text(timeout)), ("retries", .number(retries))]
        return .map(pairs + (startPeriod.map { [("start_period", .text($0))] } ?? []))
    }
}
