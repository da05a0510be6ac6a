import Foundation

/// What is wrong with an answer, in one line a model (and a person) can act on.
public enum AnswerProblem {
    /// `root` names the whole value, where the path is empty.
    public static func describe(_ error: any Error, root: String = "the answer") -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? root : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "\(path(context)) has no '\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not \(type): \(context.debugDescription)"
        case .valueNotFound(_, let context):
            return "\(path(context)) is missing"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
