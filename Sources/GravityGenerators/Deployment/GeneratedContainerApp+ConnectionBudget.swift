import GravityModel

/// A PostgreSQL-backed service's share of its server's connections, worked out from how many of its
/// processes may be connected at once (docs/deploy.md shows the arithmetic).
extension GeneratedContainerApp {
    /// The replicas an autoscaler keeps a service between: from its deployment unit's up to four times as many.
    static func autoscaling(_ service: AppModel.Service) -> ClosedRange<Int> { service.replicas...max(service.replicas * 4, 4) }

    /// The most processes of a service that may be connected to its PostgreSQL server at once: a worker
    /// per pod (the image runs one), as many pods as its autoscaler allows (else its replicas), and one
    /// more while a rolling update starts a new pod before stopping an old one.
    func connectedProcesses(_ service: AppModel.Service) -> Int {
        let pods = model.adopts(.autoscaling) ? Self.autoscaling(service).upperBound : service.replicas
        return pods + (model.adopts(.rollingUpdates) ? 1 : 0)
    }

    /// PostgreSQL's connections shared among those processes: the server's `max_connections` less
    /// those reserved for superusers and for the migrations, backups and an operator's psql, each
    /// process's share at most what its threads and event loop can use.
    func poolSize(_ service: AppModel.Service) -> Int {
        let shared = Self.postgresMaxConnections - Self.postgresReservedConnections - Self.operatorConnections
        return min(Self.largestPool, max(2, shared / max(1, connectedProcesses(service))))
    }

    /// The postgres image's default.
    static let postgresMaxConnections = 100
    /// PostgreSQL's superuser_reserved_connections.
    static let postgresReservedConnections = 3
    /// Kept for the migrations, the nightly backup and an operator's psql.
    static let operatorConnections = 5
    /// FastAPI's 40 threads and the event loop: a process never uses more.
    static let largestPool = 41
}
