import Foundation
import GravityModel
import GravityRuntime

/// A Blueprint read from a file a person may have edited: what is wrong with it in one line, naming
/// the file and the JSON path at fault.
public enum BlueprintFile {
    public static func read(_ path: String) throws -> Blueprint {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError.blueprintUnreadable(path: path, exists: FileManager.default.fileExists(atPath: path))
        }
        let blueprint: Blueprint
        do {
            blueprint = try JSONDecoder().decode(Blueprint.self, from: data)
        } catch {
            throw InputError.blueprintInvalid(path: path, problem: AnswerProblem.describe(error, root: "the Blueprint"))
        }
        try checkPractices(of: blueprint, in: path)
        return blueprint
    }

    /// A practice the generators do not know would change nothing, so a misspelt one is refused
    /// rather than silently ignored; so is one filed under another phase's section.
    public static func checkPractices(of blueprint: Blueprint, in path: String) throws {
        for phase in Phase.allCases {
            guard let content = blueprint.content(of: phase) else { continue }
            for (index, name) in content.practices.enumerated() {
                let at = "\(path): \(phase.rawValue).practices[\(index)]"
                guard let practice = Practice(rawValue: name) else { throw InputError.unknownPractice(location: at, name: name, phase: phase) }
                guard practice.phase == phase else { throw InputError.misfiledPractice(location: at, name: name, belongsTo: practice.phase) }
            }
        }
    }
}
