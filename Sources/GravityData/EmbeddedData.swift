import Foundation

/// The package's data files as they were when the binary was built (the EmbedData plugin
/// writes `base64`), keyed by their path in the repository: `personas/alex-rivera.yaml`.
public enum EmbeddedData {
    public static let files: [String: Data] = Dictionary(
        uniqueKeysWithValues: base64.map { ($0.path, Data(base64Encoded: $0.contents) ?? Data()) }
    )
}
