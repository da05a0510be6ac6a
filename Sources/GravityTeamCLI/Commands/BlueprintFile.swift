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
        do {
            return try JSONDecoder().decode(Blueprint.self, from: data)
        } catch {
            throw RuntimeError.invalidConfiguration("\(path): \(AnswerProblem.describe(error, root: "the Blueprint"))")
        }
    }
}
