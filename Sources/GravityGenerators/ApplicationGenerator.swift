import GravityDeployContract
import GravityModel

/// Turns a complete Blueprint (and the decisions behind it) into the files of a runnable
/// application. A pure function: the same inputs give the same files, byte for byte, sorted by path.
public enum ApplicationGenerator {
    /// - Parameter team: names the personas in DECISIONS.md (ids are used without it).
    public static func generate(blueprint: Blueprint, decisions: [Decision], team: Team? = nil) throws -> [GeneratedFile] {
        try generate(after: [], change: nil, blueprint: blueprint, decisions: decisions, team: team)
    }

    /// The application at `blueprint`: the version the change named `change` makes (nil for a first
    /// run) after the `earlier` versions, oldest first, whose migrations stand.
    public static func generate(
        after earlier: [AppRevision], change: String?, blueprint: Blueprint, decisions: [Decision], team: Team? = nil
    ) throws -> [GeneratedFile] {
        try generate(revisions: earlier + [AppRevision(change: change, blueprint: blueprint)], decisions: decisions, team: team)
    }

    /// The files of an application changed since it was first built: `revisions` are its Blueprints,
    /// oldest first, the last the one to build. Each change after the first adds a forward migration
    /// (`0002_<change>.sql`, ...) to the services whose schema it alters; earlier migrations are as
    /// they were written.
    public static func generate(revisions: [AppRevision], decisions: [Decision], team: Team? = nil) throws -> [GeneratedFile] {
        guard let blueprint = revisions.last?.blueprint else { throw GenerationError.incompleteBlueprint(missing: Phase.allCases.map(\.rawValue)) }
        let model = try AppModel(blueprint: blueprint)
        let migrations = try MigrationHistory(revisions: revisions, current: model)
        let seed = SeedGenerator(model: model, hints: blueprint.database?.seed ?? [])
        var files: [GeneratedFile] = []
        for service in model.services {
            let base = "services/\(service.name)"
            let seeds = seed.scripts(for: service)
            for dialect in SQLDialect.allCases {
                for migration in try migrations.files(for: service, dialect: dialect) {
                    files.append(GeneratedFile(path: "\(base)/db/migrations/\(dialect.rawValue)/\(migration.name)", contents: migration.sql))
                }
                files.append(
                    GeneratedFile(path: "\(base)/db/seed/\(dialect.rawValue).sql", contents: seeds[dialect, default: ""])
                )
            }
            files += PythonServiceGenerator(model: model, service: service, seed: seed).files(base: base)
            files.append(
                GeneratedFile(
                    path: "\(base)/gravity-service.yaml",
                    contents: try ServiceManifestWriter(model: model, service: service).yaml()
                )
            )
        }
        let frontend = SinglePageApp(model: model).files()
        files += frontend
        let containers = GeneratedContainerApp(model: model, frontendFiles: frontend).app
        files += try KubernetesRenderer.render(containers).map { GeneratedFile(path: "deploy/kubernetes/\($0.name)", contents: $0.text) }
        files += [
            GeneratedFile(path: "gravity-app.yaml", contents: try AppManifestWriter(model: model).yaml()),
            GeneratedFile(path: "README.md", contents: AppReadme(model: model).markdown),
            GeneratedFile(
                path: "DECISIONS.md",
                contents: DecisionRecords(model: model, blueprint: blueprint, decisions: decisions, team: team).markdown
            ),
            GeneratedFile(path: ".env.example", contents: EnvironmentExample(model: model).text),
            GeneratedFile(path: ".gitignore", contents: GitIgnore.text),
            GeneratedFile(path: "deploy/docker-compose.yml", contents: try ComposeRenderer.render(containers)),
            GeneratedFile(path: "deploy/nginx/gateway.conf.template", contents: LocalGatewayGenerator(model: model).template),
        ]
        files += [LoadTestGenerator(model: model).file, CIWorkflowGenerator(model: model).file].compactMap { $0 }
        return files.sorted { $0.path < $1.path }
    }
}
