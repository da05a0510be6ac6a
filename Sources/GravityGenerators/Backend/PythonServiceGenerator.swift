import GravityModel

/// Writes one FastAPI service: its code, tests, requirements, Dockerfile and manifest.
struct PythonServiceGenerator {
    let model: AppModel
    let service: AppModel.Service
    let seed: SeedGenerator

    /// Pinned versions, tested together. uvicorn finds uvloop and httptools and uses them for its
    /// event loop and HTTP parsing: C where it would otherwise run Python for every request.
    static let requirements = [
        "fastapi==0.165.0", "uvicorn==0.54.0", "uvloop==0.23.0", "httptools==0.9.0", "sqlalchemy==2.1.9", "pydantic==2.14.4",
        "pyjwt==2.15.1", "httpx==0.28.1", "psycopg[binary]==3.3.9",
    ]
    static let testRequirements = ["pytest==9.2.0", "hypothesis==6.170.17"]
    /// Swagger UI 5's files (fastapi-offline's), served by the service itself, where the team adopted
    /// publishing its docs. swagger-ui-bundle's Swagger UI 4 cannot read FastAPI's OpenAPI 3.1.
    static let docsRequirements = ["fastapi-offline==1.7.7"]
    /// Measuring coverage, where the team set a target.
    static let coverageRequirements = ["pytest-cov==7.1.0", "coverage==7.17.5"]

    func files(base: String) -> [GeneratedFile] {
        let common = PythonCommonModules(model: model, service: service)
        var files = [
            GeneratedFile(path: "\(base)/app/__init__.py", contents: "\"\"\"The \(service.name) service of \(PythonTypes.docstringText(model.title)).\"\"\"\n"),
            GeneratedFile(path: "\(base)/app/config.py", contents: common.config),
            GeneratedFile(path: "\(base)/app/database.py", contents: common.database),
            GeneratedFile(path: "\(base)/app/security.py", contents: common.security),
            GeneratedFile(path: "\(base)/app/clients.py", contents: common.clients),
            GeneratedFile(path: "\(base)/app/migrate.py", contents: common.migrate),
            GeneratedFile(path: "\(base)/app/routes/__init__.py", contents: ""),
            GeneratedFile(
                path: "\(base)/requirements.txt",
                contents: (Self.requirements + (model.adopts(.openapiDocs) ? Self.docsRequirements : [])).joined(separator: "\n") + "\n"
            ),
            GeneratedFile(
                path: "\(base)/requirements-test.txt",
                contents: (["-r requirements.txt"] + Self.testRequirements + (coverageTarget == nil ? [] : Self.coverageRequirements))
                    .joined(separator: "\n") + "\n"
            ),
            GeneratedFile(path: "\(base)/Dockerfile", contents: dockerfile),
        ]
        let entities = PythonEntityModules(model: model, service: service)
        files.append(GeneratedFile(path: "\(base)/app/models.py", contents: entities.models))
        let tests = PythonTestGenerator(model: model, service: service)
        if service.isIdentity {
            let identity = PythonIdentityModules(model: model, service: service)
            files += [
                GeneratedFile(path: "\(base)/app/schemas.py", contents: identity.schemas),
                GeneratedFile(path: "\(base)/app/passwords.py", contents: identity.passwords),
                GeneratedFile(path: "\(base)/app/throttle.py", contents: identity.throttle),
                GeneratedFile(path: "\(base)/app/routes/accounts.py", contents: identity.routes),
                GeneratedFile(path: "\(base)/app/main.py", contents: common.main(routers: ["accounts"] + auditRouter)),
                GeneratedFile(path: "\(base)/tests/test_accounts.py", contents: tests.identityTests),
            ]
        } else {
            files.append(GeneratedFile(path: "\(base)/app/schemas.py", contents: entities.schemas))
            files.append(GeneratedFile(path: "\(base)/app/paging.py", contents: PythonCommonModules.pagingTemplate.text))
            if service.entities.contains(where: { !$0.searchColumns.isEmpty }) {
                files.append(GeneratedFile(path: "\(base)/app/search.py", contents: PythonCommonModules.searchTemplate.text))
            }
            for entity in service.entities {
                files.append(GeneratedFile(path: "\(base)/app/routes/\(entity.plural).py", contents: entities.router(for: entity)))
                files.append(GeneratedFile(path: "\(base)/tests/test_\(entity.plural).py", contents: tests.tests(for: entity)))
                if let lifecycle = entity.lifecycle,
                    let contents = PythonLifecycleTestFile(model: model, service: service, entity: entity, lifecycle: lifecycle).file
                {
                    files.append(GeneratedFile(path: "\(base)/tests/test_\(entity.plural)_lifecycle.py", contents: contents))
                }
                if let claim = entity.claim,
                    let contents = PythonClaimTestFile(model: model, service: service, entity: entity, claim: claim).file
                {
                    files.append(GeneratedFile(path: "\(base)/tests/test_\(entity.plural)_claim.py", contents: contents))
                }
                if let placement = entity.placement,
                    let contents = PythonPlacementTestFile(model: model, service: service, entity: entity, placement: placement).file
                {
                    files.append(GeneratedFile(path: "\(base)/tests/test_\(entity.plural)_placement.py", contents: contents))
                }
                if let balance = entity.balance {
                    let contents = PythonBalanceTestFile(model: model, service: service, entity: entity, balance: balance).file
                    files.append(GeneratedFile(path: "\(base)/tests/test_\(entity.plural)_movements.py", contents: contents))
                }
                if let posting = entity.posting,
                    let contents = PythonPostingTestFile(model: model, service: service, entity: entity, posting: posting).file
                {
                    files.append(GeneratedFile(path: "\(base)/tests/test_\(entity.plural)_posting.py", contents: contents))
                }
                if let schedule = entity.schedule {
                    let contents = PythonScheduleTestFile(model: model, service: service, entity: entity, schedule: schedule).file
                    files.append(GeneratedFile(path: "\(base)/tests/test_\(entity.plural)_schedule.py", contents: contents))
                }
                if let stock = entity.stock {
                    let contents = PythonStockTestFile(model: model, service: service, entity: entity, stock: stock).file
                    files.append(GeneratedFile(path: "\(base)/tests/test_\(entity.plural)_stock.py", contents: contents))
                }
            }
            files.append(GeneratedFile(path: "\(base)/app/main.py", contents: common.main(routers: service.entities.map(\.plural) + auditRouter)))
        }
        files += [
            GeneratedFile(path: "\(base)/tests/__init__.py", contents: ""),
            GeneratedFile(path: "\(base)/tests/conftest.py", contents: tests.conftest),
            GeneratedFile(path: "\(base)/tests/test_health.py", contents: tests.healthTests),
            GeneratedFile(path: "\(base)/tests/test_database.py", contents: tests.databaseTests),
            GeneratedFile(path: "\(base)/tests/test_migrate.py", contents: tests.migrateTests),
        ]
        if let cors = tests.corsTests { files.append(GeneratedFile(path: "\(base)/tests/test_cors.py", contents: cors)) }
        if let cards = tests.cardDataTests { files.append(GeneratedFile(path: "\(base)/tests/test_no_card_data.py", contents: cards)) }
        if let requestLog = common.requestLog {
            files.append(GeneratedFile(path: "\(base)/app/request_log.py", contents: requestLog))
        }
        if let logTests = tests.requestLogTests { files.append(GeneratedFile(path: "\(base)/tests/test_request_log.py", contents: logTests)) }
        if let jsonLogs = common.jsonLogs { files.append(GeneratedFile(path: "\(base)/app/json_logs.py", contents: jsonLogs)) }
        if let docs = common.docs { files.append(GeneratedFile(path: "\(base)/app/docs.py", contents: docs)) }
        if let jsonTests = tests.jsonLogTests { files.append(GeneratedFile(path: "\(base)/tests/test_json_logs.py", contents: jsonTests)) }
        if let audit = common.audit, let routes = common.auditRoutes {
            files.append(GeneratedFile(path: "\(base)/app/audit.py", contents: audit))
            files.append(GeneratedFile(path: "\(base)/app/routes/audit.py", contents: routes))
            files.append(GeneratedFile(path: "\(base)/tests/test_audit.py", contents: tests.auditTests))
        }
        if let backup = common.backup {
            files.append(GeneratedFile(path: "\(base)/app/backup.py", contents: backup))
            files.append(GeneratedFile(path: "\(base)/tests/test_backup.py", contents: tests.backupTests))
        }
        if let openapi = tests.openapiTests { files.append(GeneratedFile(path: "\(base)/tests/test_openapi.py", contents: openapi)) }
        files += [
            GeneratedFile(path: "\(base)/tests/test_fuzz.py", contents: PythonFuzzTestGenerator(model: model, service: service).file),
            GeneratedFile(
                path: "\(base)/pytest.ini",
                contents: Self.pytestConfiguration.render(["coverage": coverageTarget.map { .text(String($0)) } ?? false])
            ),
        ]
        return files
    }

    /// The audit log's router, where the team adopted one.
    private var auditRouter: [String] { model.keepsAuditLog ? ["audit"] : [] }

    static let dockerfileTemplate = CodeTemplate("backend/Dockerfile.mustache", bytes: PackageResources.Dockerfile_mustache)
    static let pytestConfiguration = CodeTemplate("backend/pytest.ini.mustache", bytes: PackageResources.pytest_ini_mustache)

    /// The least coverage the service's tests must reach, where the team adopted a coverage target.
    var coverageTarget: Int? { model.adopts(.coverageTarget) ? model.coverageTarget(of: service.name) : nil }

    var dockerfile: String {
        Self.dockerfileTemplate.render([
            "service": .text(service.name),
            "postgresClient": .flag(model.adopts(.backups) && service.productionEngine == .postgresql),
        ])
    }
}
