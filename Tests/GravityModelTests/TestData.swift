import Foundation

/// The repository's data directory and scratch copies of it for tests that break things.
enum TestData {
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A fresh copy of personas/ and industries/ in a temporary directory.
    static func scratchCopy() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-model-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for folder in ["personas", "industries", "prompts"] {
            try FileManager.default.copyItem(
                atPath: "\(repositoryRoot)/\(folder)",
                toPath: "\(directory)/\(folder)"
            )
        }
        return directory
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
