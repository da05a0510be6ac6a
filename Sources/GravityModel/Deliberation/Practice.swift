/// An optional practice: something the team may adopt or not, which the generated application has
/// when adopted and lacks when not (docs/facts.md). What every application has whatever the vote
/// (password hashing, health checks, pagination, migrations, ...) is the baseline, not a practice.
public enum Practice: String, Codable, Sendable, PhaseScoped {
    case structuredLogging = "architecture.structured_logging"
    case backups = "database.backups"
    case requestLogging = "backend.request_logging"
    case openapiDocs = "backend.openapi_docs"
    case rateLimiting = "security.rate_limiting"
    case auditLog = "security.audit_log"
    case phiAccessLogging = "security.phi_access_logging"
    case noCardDataStorage = "security.no_card_data_storage"
    case corsPolicy = "security.cors_policy"
    case tlsAtGateway = "security.tls_at_gateway"
    case coverageTarget = "testing.coverage_target"
    case ciPipeline = "testing.ci_pipeline"
    case loadTests = "testing.load_tests"
    case resourceLimits = "deployment.resource_limits"
    case autoscaling = "deployment.autoscaling"
    case rollingUpdates = "deployment.rolling_updates"

    /// What the application gets when the team adopts the practice.
    public var summary: String {
        switch self {
        case .structuredLogging: "every service logs JSON lines"
        case .backups: "a backup command for every database and a Kubernetes CronJob that runs it"
        case .requestLogging: "every request is logged with its request id, which the gateway passes on"
        case .openapiDocs: "every service serves its OpenAPI description and interactive docs"
        case .rateLimiting: "the gateway limits how fast one address may sign in or register"
        case .auditLog: "every write is recorded (who, what, when, which record), readable by administrators"
        case .phiAccessLogging: "every read of a protected record is recorded with its reader"
        case .noCardDataStorage: "a generated test fails if a column or field is named for card data"
        case .corsPolicy: "browsers may call the services only from the origins ALLOWED_ORIGINS names"
        case .tlsAtGateway: "the Ingress and the local gateway serve HTTPS"
        case .coverageTarget: "each service's tests fail under the coverage the team voted for"
        case .ciPipeline: "a CI workflow runs every service's tests"
        case .loadTests: "a Locust load test of the application's main reads"
        case .resourceLimits: "each service's CPU and memory requests and limits"
        case .autoscaling: "a HorizontalPodAutoscaler for each service that can scale out"
        case .rollingUpdates: "Deployments replace pods one at a time, never dropping below the replicas asked for"
        }
    }

    /// The practices of `phase`.
    public static func practices(of phase: Phase) -> [Practice] { all(of: phase) }
}

extension Phase {
    /// Every name a concern, a vote's `missing` or a revision's `addressed` may give in this phase:
    /// its structural facts and optional practices, sorted.
    public var factNames: [String] {
        (StructuralFact.facts(of: self).map(\.rawValue) + Practice.practices(of: self).map(\.rawValue)).sorted()
    }
}
