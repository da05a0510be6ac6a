import GravityModel

/// Writes a service's pytest suite: every endpoint against a temporary SQLite database built by
/// the service's own migrations, with calls to other services stubbed at the HTTP boundary. The
/// tests are Templates/backend/tests/: fixtures and health here, an entity's tests in
/// PythonEntityTestFile, the identity service's in test_accounts.py.
struct PythonTestGenerator {
    let model: AppModel
    let service: AppModel.Service

    static let conftestTemplate = CodeTemplate("backend/tests/conftest.py.mustache", bytes: PackageResources.conftest_py_mustache)
    static let healthTemplate = CodeTemplate("backend/tests/test_health.py.mustache", bytes: PackageResources.test_health_py_mustache)
    static let databaseTemplate = TemplateFile("backend/tests/test_database.py", bytes: PackageResources.test_database_py)
    static let migrateTemplate = TemplateFile("backend/tests/test_migrate.py", bytes: PackageResources.test_migrate_py)
    static let corsTemplate = CodeTemplate("backend/tests/test_cors.py.mustache", bytes: PackageResources.test_cors_py_mustache)
    static let cardDataTemplate = CodeTemplate("backend/tests/test_no_card_data.py.mustache", bytes: PackageResources.test_no_card_data_py_mustache)
    static let accountsTemplate = CodeTemplate("backend/tests/test_accounts.py.mustache", bytes: PackageResources.test_accounts_py_mustache)

    var conftest: String {
        // Prices with as many decimal places as the currency has (0.99 for two, none for the yen).
        let places = model.currency?.scale ?? 2
        return Self.conftestTemplate.render([
            "references": .texts(service.referencedServices), "identity": .flag(service.isIdentity),
            "priceFraction": .text(places == 0 ? "0" : "0." + String(repeating: "9", count: places)),
        ])
    }

    /// The SQLite database under concurrent use (write-ahead logging, the busy timeout).
    var databaseTests: String { Self.databaseTemplate.text }
    var migrateTests: String { Self.migrateTemplate.text }

    var healthTests: String {
        var values: [String: TemplateValue] = [
            "healthCheck": .text(service.healthCheck),
            "administratorLiteral": .text(PythonTypes.pythonString(model.administratorRole)),
        ]
        // A request that only a signed-in caller may make: the identity service's /me, else a create.
        if service.isIdentity {
            values["guarded"] = ["mePath": .text(PythonTypes.pythonString("\(service.apiPrefix)/me"))]
        } else if let entity = service.entities.first(where: \.isWritable) {
            values["guarded"] = ["createPath": .text(PythonTypes.pythonString("\(service.apiPrefix)/\(entity.plural)"))]
        }
        return Self.healthTemplate.render(values)
    }

    /// The cross-origin tests, where the team adopted a CORS policy.
    var corsTests: String? {
        guard model.adopts(.corsPolicy) else { return nil }
        return Self.corsTemplate.render(["healthLiteral": .text(PythonTypes.pythonString(service.healthCheck))])
    }

    /// The test that no field holds card data, where the team adopted keeping none (PCI-DSS).
    var cardDataTests: String? {
        guard model.adopts(.noCardDataStorage) else { return nil }
        return Self.cardDataTemplate.render(["service": .text(service.name)])
    }

    static let requestLogTemplate = CodeTemplate("backend/tests/test_request_log.py.mustache", bytes: PackageResources.test_request_log_py_mustache)
    static let jsonLogsTemplate = CodeTemplate("backend/tests/test_json_logs.py.mustache", bytes: PackageResources.test_json_logs_py_mustache)
    static let openapiTemplate = CodeTemplate("backend/tests/test_openapi.py.mustache", bytes: PackageResources.test_openapi_py_mustache)

    /// The request-id tests, where the team adopted request logging.
    var requestLogTests: String? {
        guard model.adopts(.requestLogging) else { return nil }
        var values: [String: TemplateValue] = ["healthLiteral": .text(PythonTypes.pythonString(service.healthCheck))]
        // An entity the generic tests create plainly whose creation asks another service about a reference.
        if let entity = service.entities.first(where: { entity in
            entity.isWritable && entity.placement == nil && entity.claim == nil && entity.columns.contains { $0.external != nil && $0.isInput }
        }) {
            values["caller"] = ["name": .text(entity.name), "plural": .text(entity.plural)]
        }
        return Self.requestLogTemplate.render(values)
    }

    /// The JSON log tests, where the team adopted structured logging.
    var jsonLogTests: String? {
        guard model.adopts(.structuredLogging) else { return nil }
        return Self.jsonLogsTemplate.render(["serviceLiteral": .text(PythonTypes.pythonString(service.name))])
    }

    static let auditTestsTemplate = CodeTemplate("backend/tests/test_audit.py.mustache", bytes: PackageResources.test_audit_py_mustache)

    /// The audit log's tests: only administrators read it; a write (and, where reads are logged, a
    /// read) of the first entity the generic tests create plainly is recorded with its author.
    var auditTests: String {
        let writes = model.adopts(.auditLog)
        let reads = model.adopts(.phiAccessLogging)
        var values: [String: TemplateValue] = [
            "summary": .text(
                [writes ? "every write is recorded with who made it, what it did and to which record" : nil,
                 reads ? "every read of a record is recorded with its reader" : nil].compactMap { $0 }.joined(separator: "; ")
            ),
            "logLiteral": .text(PythonTypes.pythonString("\(service.apiPrefix)/audit")),
            "administratorLiteral": .text(PythonTypes.pythonString(model.administratorRole)),
        ]
        if let other = model.roles.first(where: { $0 != model.administratorRole }) {
            values["otherRoleLiteral"] = .text(PythonTypes.pythonString(other))
        }
        if service.isIdentity {
            values["identity"] = [
                "writes": .flag(writes), "registerLiteral": .text(PythonTypes.pythonString("\(service.apiPrefix)/register")),
            ]
        } else if let entity = service.entities.first(where: { $0.isWritable && $0.placement == nil && $0.claim == nil }) {
            let writer = PythonEntityTestFile(model: model, service: service, entity: entity).writerRole
            values["entity"] = [
                "name": .text(entity.name), "plural": .text(entity.plural),
                "tableLiteral": .text(PythonTypes.pythonString(entity.table)),
                "writerLiteral": .text(PythonTypes.pythonString(writer)),
                "writes": .flag(writes), "reads": .flag(reads), "deletable": .flag(entity.lifecycle == nil),
                "conflicting": .flag(entity.inputColumns.contains(where: \.unique)),
                "required": .flag(entity.inputColumns.contains { !$0.nullable }),
                // A public read is not signed in, whatever token comes with it: its reader is anonymous.
                "readerLiterals": .text(entity.publicRead ? "\"anonymous\", \"\"" : "\"1\", \(PythonTypes.pythonString(writer))"),
            ]
        }
        return Self.auditTestsTemplate.render(values)
    }

    static let backupTestsTemplate = CodeTemplate("backend/tests/test_backup.py.mustache", bytes: PackageResources.test_backup_py_mustache)

    var backupTests: String { Self.backupTestsTemplate.render(["serviceLiteral": .text(PythonTypes.pythonString(service.name))]) }

    /// That the OpenAPI description lists every route, where the team adopted publishing it.
    var openapiTests: String? {
        guard model.adopts(.openapiDocs) else { return nil }
        let paths =
            service.isIdentity
            ? ["/register", "/login", "/me", "/accounts"].map { service.apiPrefix + $0 }
            : service.entities.flatMap { ["\(service.apiPrefix)/\($0.plural)", "\(service.apiPrefix)/\($0.plural)/{item_id}"] }
        return Self.openapiTemplate.render([
            "paths": .texts((paths + [service.healthCheck]).map(PythonTypes.pythonString)),
            "openapiLiteral": .text(PythonTypes.pythonString("\(service.apiPrefix)/openapi.json")),
            "docsLiteral": .text(PythonTypes.pythonString("\(service.apiPrefix)/docs")),
        ])
    }

    func tests(for entity: AppModel.Entity) -> String {
        if let orderName = entity.placedWith, let order = service.entities.first(where: { $0.name == orderName }),
            let placement = order.placement
        {
            return PythonPlacedLinesTestFile(model: model, service: service, lines: entity, order: order, placement: placement).file
        }
        return PythonEntityTestFile(model: model, service: service, entity: entity).file
    }

    var identityTests: String {
        Self.accountsTemplate.render([
            "apiPrefix": .text(service.apiPrefix),
            "defaultRoleLiteral": .text(PythonTypes.pythonString(model.roles.first ?? "user")),
            "administratorLiteral": .text(PythonTypes.pythonString(model.administratorRole)),
            "selfDemotion": .flag(model.roles.count >= 2),
        ])
    }
}
