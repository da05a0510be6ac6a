import GravityModel

/// Writes `.env.example`: every variable the services read, with placeholders, never values.
struct EnvironmentExample {
    let model: AppModel

    var text: String {
        var lines = [
            "# Configuration of \(model.title). Copy to deploy/.env (mode 0600) and fill in; never commit the copy.",
            "# `gravity-team deploy` generates the secrets itself and keeps them in .gravity/ (mode 0600).",
            "",
            "# Signs the tokens every service checks. Generate one with: openssl rand -hex 32",
            "JWT_SECRET=",
        ]
        if model.identityService != nil {
            lines += [
                "", "# The first administrator, created at start-up when missing.", "ADMIN_EMAIL=admin@\(model.slug).example",
                "ADMIN_PASSWORD=",
            ]
        }
        for service in model.services where service.productionEngine == .postgresql {
            lines += [
                "", "# PostgreSQL password of the \(service.name) service's database.", "\(GeneratedContainerApp.passwordVariable(service))=",
            ]
        }
        lines += ["", "# Items per page when a client does not say.", "PAGE_SIZE=\(model.pageSize)"]
        return lines.joined(separator: "\n") + "\n"
    }
}
