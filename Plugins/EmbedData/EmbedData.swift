import Foundation
import PackagePlugin

/// Compiles the package's data (personas/, industries/, prompts/, prices.yaml) into the target
/// it is applied to, so a copied binary needs no folder beside it. The listing is taken at every
/// build, so a file added or removed is noticed as well as one edited.
@main
struct EmbedData: BuildToolPlugin {
    static let folders = ["personas": [".yaml", ".yml"], "industries": [".yaml", ".yml"], "prompts": [".txt"]]
    static let files = ["prices.yaml"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var paths: [String] = Self.files.filter { FileManager.default.fileExists(atPath: root.appending(path: $0).path) }
        for (folder, suffixes) in Self.folders.sorted(by: { $0.key < $1.key }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: folder).path)) ?? []
            paths += names.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted().map { "\(folder)/\($0)" }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(paths.count) data files",
                executable: try context.tool(named: "GravityEmbed").url,
                arguments: [output.path, root.path] + paths,
                inputFiles: paths.map { root.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }
}
