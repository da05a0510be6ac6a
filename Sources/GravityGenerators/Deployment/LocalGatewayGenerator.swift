import GravityDeployContract
import GravityModel

/// Writes the nginx configuration template of the local target: the orchestrator fills in the
/// listening port, the frontend directory and each service's upstream address when it deploys.
struct LocalGatewayGenerator {
    let model: AppModel

    var template: String {
        // Rate limiting, where the team adopted it, starts where accounts are made: registration.
        let registration = model.adopts(.rateLimiting)
            ? model.services.first(where: \.isIdentity).map { GatewayTemplate.Route(service: $0.name, prefix: "\($0.apiPrefix)/register") }
            : nil
        return GatewayTemplate.make(
            routes: model.services.map { GatewayTemplate.Route(service: $0.name, prefix: $0.apiPrefix) },
            registration: registration,
            requestIds: model.adopts(.requestLogging),
            jsonLogs: model.adopts(.structuredLogging),
            tls: model.adopts(.tlsAtGateway)
        )
    }
}
