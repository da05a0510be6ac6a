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
        guard model.practices.contains(AppModel.Practice.corsPolicy) else { return nil }
        return Self.corsTemplate.render(["healthLiteral": .text(PythonTypes.pythonString(service.healthCheck))])
    }

    /// The test that no field holds card data, where the team adopted keeping none (PCI-DSS).
    var cardDataTests: String? {
        guard model.practices.contains(AppModel.Practice.noCardDataStorage) else { return nil }
        return Self.cardDataTemplate.render(["service": .text(service.name)])
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
