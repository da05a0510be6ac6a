import GravityModel

/// The modules every generated service has: configuration, database, security, clients to other
/// services, migrations, and the application factory. The code is Templates/backend/app/, as it is
/// written; this fills in the service's values.
struct PythonCommonModules {
    let model: AppModel
    let service: AppModel.Service

    static let configTemplate = CodeTemplate("backend/app/config.py.mustache", bytes: PackageResources.config_py_mustache)
    static let databaseTemplate = CodeTemplate("backend/app/database.py.mustache", bytes: PackageResources.database_py_mustache)
    static let securityTemplate = TemplateFile("backend/app/security.py", bytes: PackageResources.security_py)
    static let searchTemplate = TemplateFile("backend/app/search.py", bytes: PackageResources.search_py)
    static let pagingTemplate = TemplateFile("backend/app/paging.py", bytes: PackageResources.paging_py)
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
            "cors": .flag(model.adopts(.corsPolicy)),
        ])
    }

    var database: String {
        Self.databaseTemplate.render(["auditLog": .flag(model.keepsAuditLog), "readLog": .flag(model.adopts(.phiAccessLogging))])
    }

    static let auditTemplate = CodeTemplate("backend/app/audit.py.mustache", bytes: PackageResources.audit_py_mustache)
    static let auditRoutesTemplate = CodeTemplate("backend/app/routes/audit_routes.py.mustache", bytes: PackageResources.audit_routes_py_mustache)

    /// The audit log's recording, where the team adopted logging writes, reads of protected records, or both.
    var audit: String? {
        guard model.keepsAuditLog else { return nil }
        return Self.auditTemplate.render(["writes": .flag(model.adopts(.auditLog)), "reads": .flag(model.adopts(.phiAccessLogging))])
    }

    /// The administrators' view of the audit log.
    var auditRoutes: String? {
        guard model.keepsAuditLog else { return nil }
        return Self.auditRoutesTemplate.render([
            "path": .text("\(service.apiPrefix)/audit"),
            "administratorLiteral": .text(PythonTypes.pythonString(model.administratorRole)),
        ])
    }

    var security: String { Self.securityTemplate.text }

    var clients: String {
        Self.clientsTemplate.render([
            "references": references, "serviceLiteral": .text(PythonTypes.pythonString(service.name)),
            "requestLogging": .flag(model.adopts(.requestLogging)),
        ])
    }

    static let requestLogTemplate = TemplateFile("backend/app/request_log.py", bytes: PackageResources.request_log_py)
    static let jsonLogsTemplate = TemplateFile("backend/app/json_logs.py", bytes: PackageResources.json_logs_py)
    static let docsTemplate = TemplateFile("backend/app/docs.py", bytes: PackageResources.docs_py)

    /// The access log with request ids, where the team adopted request logging.
    var requestLog: String? { model.adopts(.requestLogging) ? Self.requestLogTemplate.text : nil }

    static let backupTemplate = CodeTemplate("backend/app/backup.py.mustache", bytes: PackageResources.backup_py_mustache)

    /// The backup command, where the team adopted backups.
    var backup: String? { model.adopts(.backups) ? Self.backupTemplate.render(["service": .text(service.name)]) : nil }

    /// The JSON log formatter, where the team adopted structured logging.
    var jsonLogs: String? { model.adopts(.structuredLogging) ? Self.jsonLogsTemplate.text : nil }
    /// The docs page, under the service's prefix, where the team adopted publishing its docs.
    var docs: String? { model.adopts(.openapiDocs) ? Self.docsTemplate.text : nil }

    var migrate: String { Self.migrateTemplate.text }

    func main(routers: [String]) -> String {
        Self.mainTemplate.render([
            "service": .text(service.name),
            "descriptionDocstring": .text(PythonTypes.docstringText(service.description)),
            "titleLiteral": .text(PythonTypes.pythonString("\(model.title): \(service.name)")),
            "routers": .texts(routers),
            "healthCheck": .text(service.healthCheck),
            "identity": .flag(service.isIdentity),
            "cors": .flag(model.adopts(.corsPolicy)),
            "openapi": .flag(model.adopts(.openapiDocs)),
            "apiPrefix": .text(service.apiPrefix),
            "requestLogging": .flag(model.adopts(.requestLogging)),
            "structuredLogging": .flag(model.adopts(.structuredLogging)),
            "readLog": .flag(model.adopts(.phiAccessLogging)),
        ])
    }
}
