import Foundation
import GravityModel

/// The JSON schema a model's answer must match, sent with the request (Ollama's `format`, OpenAI's
/// `response_format`). It is inferred from a complete example of the answer, drafted by the mock
/// model for the same request, so it always follows the Swift types the answer is decoded into.
public enum AnswerSchema {
    /// The schema for `request`'s answer.
    public static func make(for request: ModelRequest) async throws -> JSONValue {
        let example = try await MockModel(seed: 0, omissionRate: 0).complete(request)
        return infer(try JSONValue.parse(Data(example.text.utf8)))
    }

    /// A schema that accepts values shaped like `example`: objects with its keys required, arrays
    /// of its first element's shape, and the same scalar types.
    public static func infer(_ example: JSONValue) -> JSONValue {
        switch example {
        case .null: return .object(["type": .string("null")])
        case .bool: return .object(["type": .string("boolean")])
        case .number(let value): return .object(["type": .string(value == value.rounded() ? "integer" : "number")])
        case .string: return .object(["type": .string("string")])
        case .array(let items):
            return .object(["type": .string("array"), "items": items.first.map(infer) ?? .object([:])])
        case .object(let fields):
            return .object([
                "type": .string("object"),
                "properties": .object(fields.mapValues(infer)),
                "required": .array(fields.keys.sorted().map(JSONValue.string)),
            ])
        }
    }
}
