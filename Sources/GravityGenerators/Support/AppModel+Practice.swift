import GravityModel

extension AppModel {
    /// The optional practices the generators act on: adopted, the files have their effect; not
    /// adopted, they do not (docs/facts.md).
    public enum Practice {
        /// The gateway limits how fast one address may register accounts.
        public static let rateLimiting = "security.rate_limiting"
        /// A HorizontalPodAutoscaler for each service that can scale out (PostgreSQL-backed).
        public static let autoscaling = "deployment.autoscaling"
        /// Each service's CPU and memory requests and limits (Compose and Kubernetes), from its deployment unit.
        public static let resourceLimits = "deployment.resource_limits"
    }
}
