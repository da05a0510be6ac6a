import Foundation
import GravityModel
import GravityRuntime

/// A Blueprint read from a file a person may have edited: what is wrong with it in one line, naming
/// the file and the JSON path at fault.
enum BlueprintFile {
    static func read(_ path: String) throws -> Blueprint {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RuntimeError.invalidConfiguration("\(path): cannot be read (\(FileManager.default.fileExists(atPath: path) ? "not a readable file" : "no such file"))")
        }
        let blueprint: Blueprint
        do {
            blueprint = try JSONDecoder().decode(Blueprint.self, from: data)
        } catch {
            throw RuntimeError.invalidConfiguration("\(path): \(AnswerProblem.describe(error, root: "the Blueprint"))")
        }
        try checkPractices(of: blueprint, in: path)
        return blueprint
    }

    /// A practice the generators do not know would change nothing, so a misspelt one is refused
    /// rather than silently ignored; so is one filed under another phase's section.
    static func checkPractices(of blueprint: Blueprint, in path: String) throws {
        for phase in Phase.allCases {
            guard let content = blueprint.content(of: phase) else { continue }
            for (index, name) in content.practices.enumerated() {
                let at = "\(path): \(phase.rawValue).practices[\(index)]"
                guard let practice = Practice(rawValue: name) else {
                    let known = Practice.practices(of: phase).map(\.rawValue)
                    throw RuntimeError.invalidConfiguration(
                        "\(at): '\(name)' is not an optional practice; the \(phase.rawValue) phase has \(known.isEmpty ? "none" : known.joined(separator: ", "))"
                    )
                }
                guard practice.phase == phase else {
                    throw RuntimeError.invalidConfiguration("\(at): '\(name)' belongs in \(practice.phase.rawValue).practices")
                }
            }
        }
    }
}
