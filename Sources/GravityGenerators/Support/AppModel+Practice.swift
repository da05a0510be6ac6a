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
        /// Browsers on the origins ALLOWED_ORIGINS names (and no others) may call the services; a generated test.
        public static let corsPolicy = "security.cors_policy"
        /// A generated test that fails if a column or a request or response field is named for card data.
        public static let noCardDataStorage = "security.no_card_data_storage"
    }
}
