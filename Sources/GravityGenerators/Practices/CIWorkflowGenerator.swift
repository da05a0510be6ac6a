import GravityModel

/// The GitHub Actions workflow that runs every service's tests (`.github/workflows/ci.yml`), where
/// the team adopted a CI pipeline.
struct CIWorkflowGenerator {
    let model: AppModel

    static let template = CodeTemplate("app/ci.yml.mustache", bytes: PackageResources.ci_yml_mustache)

    var file: GeneratedFile? {
        guard model.adopts(.ciPipeline) else { return nil }
        // Service names are identifiers, plain YAML scalars as they are.
        let text = Self.template.render(["services": .text(model.services.map(\.name).joined(separator: ", "))])
        return GeneratedFile(path: ".github/workflows/ci.yml", contents: text)
    }
}
