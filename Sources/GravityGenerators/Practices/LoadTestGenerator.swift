import GravityModel

/// The Locust load test of the app's reads (`loadtest/locustfile.py`), where the team adopted load
/// tests: visitors page through what everyone may read, members (signed in) through every list.
struct LoadTestGenerator {
    let model: AppModel

    static let template = CodeTemplate("app/locustfile.py.mustache", bytes: PackageResources.locustfile_py_mustache)

    var file: GeneratedFile? {
        guard model.adopts(.loadTests), let identity = model.services.first(where: \.isIdentity) else { return nil }
        func paths(_ entities: [(AppModel.Service, AppModel.Entity)]) -> TemplateValue {
            .objects(
                entities.map { service, entity in
                    ["function": .text("browse_\(entity.plural)"), "literal": .text(PythonTypes.pythonString("\(service.apiPrefix)/\(entity.plural)"))]
                }
            )
        }
        let listed = model.services.flatMap { service in service.entities.map { (service, $0) } }
        let visible = listed.filter { $0.1.publicRead }
        let text = Self.template.render([
            "titleDocstring": .text(PythonTypes.docstringText(model.title)),
            "pageSize": .text(String(model.pageSize)),
            "hasVisitors": .flag(!visible.isEmpty),
            "visitorPaths": paths(visible),
            "memberPaths": paths(listed),
            "loginLiteral": .text(PythonTypes.pythonString("\(identity.apiPrefix)/login")),
        ])
        return GeneratedFile(path: "loadtest/locustfile.py", contents: text)
    }
}
