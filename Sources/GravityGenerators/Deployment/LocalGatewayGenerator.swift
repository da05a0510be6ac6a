import GravityModel

/// Writes the nginx configuration template of the local target: the orchestrator fills in the
/// listening port, the frontend directory and each service's upstream address when it deploys.
struct LocalGatewayGenerator {
    let model: AppModel

    var template: String {
        GatewayTemplate.make(routes: model.services.map { GatewayTemplate.Route(service: $0.name, prefix: $0.apiPrefix) })
    }
}
