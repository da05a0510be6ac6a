import GravityModel

/// The modules every generated service has: configuration, database, security, clients to other
/// services, migrations, and the application factory. The code is Templates/backend/app/, as it is
/// written; this fills in the service's values.
struct PythonCommonModules {
    let model: AppModel
    let service: AppModel.Service

    static let configTemplate = CodeTemplate("backend/app/config.py.mustache", bytes: PackageResources.config_py_mustache)
    static let databaseTemplate = TemplateFile("backend/app/database.py", bytes: PackageResources.database_py)
    static let securityTemplate = TemplateFile("backend/app/security.py", bytes: PackageResources.security_py)
    static let clientsTemplate = CodeTemplate("backend/app/clients.py.mustache", bytes: PackageResources.clients_py_mustache)
    static let migrateTemplate = TemplateFile("backend/app/migrate.py", bytes: PackageResources.migrate_py)
    static let mainTemplate = CodeTemplate("backend/app/main.py.mustache", bytes: PackageResources.main_py_mustache)

    private var references: TemplateValue {
        .objects(
            service.referencedServices.map { other in
                [
                    "name": .text(other), "literal": .text(PythonTypes.pythonString(other)),
                    "urlVariable": .text(AppModel.Service.urlVariable(other)),
                ]
            }
        )
    }

    private var identity: TemplateValue {
        guard service.isIdentity else { return false }
        return ["tokenLifetimeMinutes": .text(String(max(1, model.authentication.tokenLifetimeMinutes)))]
    }

    var config: String {
        Self.configTemplate.render([
            "service": .text(service.name),
            "pageSize": .text(String(model.pageSize)),
            "references": references,
            "identity": identity,
            "cors": .flag(model.practices.contains(AppModel.Practice.corsPolicy)),
        ])
    }

    var database: String { Self.databaseTemplate.text }

    var security: String { Self.securityTemplate.text }

    var clients: String {
        Self.clientsTemplate.render(["references": references, "serviceLiteral": .text(PythonTypes.pythonString(service.name))])
    }

    var migrate: String { Self.migrateTemplate.text }

    func main(routers: [String]) -> String {
        Self.mainTemplate.render([
            "service": .text(service.name),
            "descriptionDocstring": .text(PythonTypes.docstringText(service.description)),
            "titleLiteral": .text(PythonTypes.pythonString("\(model.title): \(service.name)")),
            "routers": .texts(routers),
            "healthCheck": .text(service.healthCheck),
            "identity": .flag(service.isIdentity),
            "cors": .flag(model.practices.contains(AppModel.Practice.corsPolicy)),
        ])
    }
}
