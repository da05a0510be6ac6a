/// How a container's health is checked: Compose runs a command, Kubernetes asks an HTTP path.
public struct ContainerHealth: Codable, Sendable, Hashable {
    /// Compose's `test`, e.g. `["CMD-SHELL", "wget -qO- http://127.0.0.1:8000/health"]`.
    public var test: [String]
    /// Compose durations: `5s`, `2500ms`.
    public var interval: String
    public var timeout: String
    public var retries: Int
    /// Compose's `start_period`, when the service asks for one.
    public var startPeriod: String?
    public var readiness: Probe
    public var liveness: Probe

    public init(
        test: [String],
        interval: String,
        timeout: String,
        retries: Int,
        startPeriod: String? = nil,
        readiness: Probe,
        liveness: Probe
    ) {
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
        self.startPeriod = startPeriod
        self.readiness = readiness
        self.liveness = liveness
    }
}

/// A Kubernetes HTTP probe; unset timings take Kubernetes' defaults.
public struct Probe: Codable, Sendable, Hashable {
    public var path: String
    public var port: Int
    public var initialDelaySeconds: Int?
    public var periodSeconds: Int?
    public var timeoutSeconds: Int?
    public var failureThreshold: Int?

    public init(
        path: String,
        port: Int,
        initialDelaySeconds: Int? = nil,
        periodSeconds: Int? = nil,
        timeoutSeconds: Int? = nil,
        failureThreshold: Int? = nil
    ) {
        self.path = path
        self.port = port
        self.initialDelaySeconds = initialDelaySeconds
        self.periodSeconds = periodSeconds
        self.timeoutSeconds = timeoutSeconds
        self.failureThreshold = failureThreshold
    }
}
