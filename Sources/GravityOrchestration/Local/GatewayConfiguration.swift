import Foundation
import GravityDeployContract
import GravityModel

/// The nginx configuration of a deployment: the app's template (or one built from the services'
/// `api_prefix` routes) with its placeholders filled in.
struct GatewayConfiguration {
    let plan: DeploymentPlan
    let port: Int
    var registrationRate = GatewayTemplate.defaultRegistrationRate
    /// Service name to its loopback port.
    let upstreams: [String: Int]
    let frontendDirectory: String
    /// The certificate of an HTTPS gateway (`deploy --tls`).
    var certificate: GatewayCertificate? = nil

    /// `deploy --tls` needs a template with a TLS server, which an app has where its team adopted
    /// security.tls_at_gateway.
    static func checkServesTLS(_ plan: DeploymentPlan) throws {
        let text = plan.gatewayTemplate.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        guard text.contains("{{\(GatewayTemplate.tlsPlaceholder)}}") else {
            throw DeployError.noTLSServer(app: plan.name)
        }
    }

    /// The template and the name it goes by in errors.
    func template() throws -> (text: String, file: String) {
        if let path = plan.gatewayTemplate {
            let display = path.hasPrefix(plan.root + "/") ? String(path.dropFirst(plan.root.count + 1)) : path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw DeployError.pathNotUsable(display, reason: "cannot read the gateway template (gravity-app.yaml gateway.local)")
            }
            return (text, display)
        }
        let routes = plan.routes.map { GatewayTemplate.Route(service: $0.service, prefix: $0.prefix) }
        return (GatewayTemplate.make(routes: routes), "gateway template")
    }

    /// The filled-in configuration; an unknown placeholder is an error naming its line.
    func render() throws -> String {
        for (path, role) in [(plan.stateDirectory, "the app's path"), (frontendDirectory, "the frontend's path")]
        where path.contains(where: { " ;{}'\"\\$#".contains($0) }) {
            throw DeployError.pathNotUsable(path, reason: "\(role) has a character nginx cannot take unquoted (space, ; { } quotes $ #)")
        }
        var values = [
            "STATE_DIR": plan.stateDirectory,
            "PORT": String(port),
            "FRONTEND_DIR": frontendDirectory,
            "REGISTRATION_RATE": registrationRate,
            GatewayTemplate.tlsPlaceholder: certificate == nil ? "" : " ssl",
            GatewayTemplate.certificatePlaceholder: certificate.map {
                "ssl_certificate \($0.certificate); ssl_certificate_key \($0.key); ssl_protocols TLSv1.2 TLSv1.3;"
            } ?? "# plain HTTP: `gravity-team deploy --tls` serves HTTPS here",
        ]
        for service in plan.services {
            values[GatewayTemplate.upstreamPlaceholder(service.name)] = upstreams[service.name].map { "127.0.0.1:\($0)" } ?? "127.0.0.1:9"
        }
        let (text, file) = try template()
        var output = ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.drop(while: { $0 == " " }).hasPrefix("#") {
                output += line + "\n"
                continue
            }
            guard let pieces = Placeholders.split(line) else {
                throw DeployError.template(file: file, line: index + 1, problem: "'{{' without a closing '}}'")
            }
            for piece in pieces {
                switch piece {
                case .text(let text):
                    output += text
                case .name(let raw):
                    let name = raw.trimmingCharacters(in: .whitespaces)
                    guard let value = values[name] else {
                        throw DeployError.template(
                            file: file,
                            line: index + 1,
                            problem:
                                "unknown placeholder {{\(name)}}; known: \(values.keys.sorted().map { "{{\($0)}}" }.joined(separator: ", "))"
                        )
                    }
                    output += value
                }
            }
            output += "\n"
        }
        return String(output.dropLast())
    }
}
