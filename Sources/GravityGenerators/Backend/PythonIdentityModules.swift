import GravityModel

/// The identity service: accounts with hashed passwords, sign-in that issues JWTs, and the
/// bootstrap administrator. The code is Templates/backend/identity/app/, as it is written.
struct PythonIdentityModules {
    let model: AppModel
    let service: AppModel.Service

    // Named identity_schemas: embedded templates are named by file name alone, and schemas.py is
    // also the entity services' template.
    static let schemasTemplate = CodeTemplate("backend/identity/app/identity_schemas.py.mustache", bytes: PackageResources.identity_schemas_py_mustache)
    static let passwordsTemplate = TemplateFile("backend/identity/app/passwords.py", bytes: PackageResources.passwords_py)
    static let throttleTemplate = TemplateFile("backend/identity/app/throttle.py", bytes: PackageResources.throttle_py)
    static let routesTemplate = CodeTemplate("backend/identity/app/routes/accounts.py.mustache", bytes: PackageResources.accounts_py_mustache)

    var defaultRole: String { model.roles.first ?? "user" }
    var adminRole: String { model.administratorRole }

    var schemas: String {
        Self.schemasTemplate.render(["roleLiterals": .text(model.roles.map(PythonTypes.pythonString).joined(separator: ", "))])
    }

    var passwords: String { Self.passwordsTemplate.text }

    var throttle: String { Self.throttleTemplate.text }

    var routes: String {
        Self.routesTemplate.render([
            "apiPrefix": .text(service.apiPrefix),
            "defaultRoleLiteral": .text(PythonTypes.pythonString(defaultRole)),
            "adminRoleLiteral": .text(PythonTypes.pythonString(adminRole)),
        ])
    }
}
