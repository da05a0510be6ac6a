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

    /// A schema that accepts values shaped like `example`: objects with the keys every example has
    /// required (and the others allowed), arrays whose items take the shape of all their elements
    /// merged, numbers as `number` (an example's 0 may be a Double's), other scalars as they are.
    public static func infer(_ example: JSONValue) -> JSONValue {
        switch example {
        case .null: return .object(["type": .string("null")])
        case .bool: return .object(["type": .string("boolean")])
        case .number: return .object(["type": .string("number")])
        case .string: return .object(["type": .string("string")])
        case .array(let items):
            return .object(["type": .string("array"), "items": merged(items) ?? .object([:])])
        case .object(let fields):
            return .object([
                "type": .string("object"),
                "properties": .object(fields.mapValues(infer)),
                "required": .array(fields.keys.sorted().map(JSONValue.string)),
            ])
        }
    }

    /// One schema for several examples of the same thing (an array's elements).
    static func merged(_ examples: [JSONValue]) -> JSONValue? {
        guard let first = examples.first else { return nil }
        let objects = examples.compactMap { value -> [String: JSONValue]? in
            if case .object(let fields) = value { return fields }
            return nil
        }
        guard objects.count == examples.count else { return infer(first) }
        var properties: [String: [JSONValue]] = [:]
        for object in objects { for (key, value) in object { properties[key, default: []].append(value) } }
        let required = properties.filter { $0.value.count == objects.count }.keys.sorted()
        return .object([
            "type": .string("object"),
            "properties": .object(properties.compactMapValues { merged($0) }),
            "required": .array(required.map(JSONValue.string)),
        ])
    }
}
