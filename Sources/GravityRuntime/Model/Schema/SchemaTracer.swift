import Foundation

/// A closed set of strings a type decodes from: its JSON schema is an `enum` of them.
public protocol SchemaEnumerable {
    static var schemaValues: [String] { get }
}

extension SchemaEnumerable where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var schemaValues: [String] { allCases.map(\.rawValue) }
}

/// A dictionary keyed by strings: an object whose every value has one schema.
protocol SchemaDictionary {
    static var valueType: any Decodable.Type { get }
    static var empty: Self { get }
}

extension Dictionary: SchemaDictionary where Key == String, Value: Decodable {
    static var valueType: any Decodable.Type { Value.self }
    static var empty: Self { [:] }
}

/// The JSON schema of a `Decodable` type, read from its own `init(from:)`: the decoder is run
/// against a recorder that answers every request with a stand-in value and notes what was asked
/// (keys, whether each may be absent, element and value types, closed sets). So the schema says
/// exactly what the decoder accepts, in the subset of JSON Schema that Ollama's structured outputs
/// and OpenAI's structured outputs take: `type`, `properties`, `required` (a property its decoder
/// may miss is not, and is `anyOf` it or `null`), `items`, `enum`, `additionalProperties: false`,
/// `maxItems: 0` for a list that must stay empty, and integer bounds (what an `Int` holds).
public enum SchemaTracer {
    /// What went wrong tracing a type: a decoder this recorder cannot follow.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The largest integers the schema allows: a JSON number any platform's `Int` decodes.
    static let integerBounds = (minimum: -2_147_483_648.0, maximum: 2_147_483_647.0)

    public static func schema(of type: any Decodable.Type) throws -> JSONValue {
        let recorder = Recorder()
        _ = try value(of: type, recorder: recorder)
        guard let schema = recorder.schema else { throw Failure(description: "\(type) asked its decoder for nothing") }
        return schema
    }

    /// A stand-in value of `type`, recording its schema in `recorder`.
    static func value<T>(of type: T.Type, recorder: Recorder) throws -> T {
        if let enumerable = type as? any SchemaEnumerable.Type {
            let values = enumerable.schemaValues
            guard let first = values.first else { throw Failure(description: "\(type) has no values") }
            recorder.schema = .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))])
            return try decodeStandIn(type, from: .string(first))
        }
        if let dictionary = type as? any SchemaDictionary.Type {
            let values = Recorder()
            _ = try Self.value(of: dictionary.valueType, recorder: values)
            recorder.schema = .object([
                "type": .string("object"), "properties": .object([:]), "additionalProperties": values.schema ?? .object([:]),
            ])
            return dictionary.empty as! T
        }
        guard let decodable = type as? any Decodable.Type else { throw Failure(description: "\(type) is not Decodable") }
        let value = try decodable.init(from: TracingDecoder(recorder: recorder)) as! T
        if recorder.isObject { recorder.schema = recorder.objectSchema() }
        return value
    }

    /// `type` decoded from a plain JSON value (an enum's first case).
    static func decodeStandIn<T>(_ type: T.Type, from value: JSONValue) throws -> T {
        guard let decodable = type as? any Decodable.Type else { throw Failure(description: "\(type) is not Decodable") }
        return try JSONDecoder().decode(decodable, from: JSONEncoder().encode(value)) as! T
    }

    /// Where one value's schema is noted while its decoder runs.
    final class Recorder {
        var schema: JSONValue?
        /// Whether the decoder asked for a keyed container: the value is an object.
        var isObject = false
        /// An object's properties, in the order the decoder asked for them, and whether each may be absent.
        var properties: [(key: String, schema: JSONValue, optional: Bool)] = []

        func objectSchema() -> JSONValue {
            var fields: [String: JSONValue] = [:]
            for property in properties {
                fields[property.key] =
                    property.optional ? .object(["anyOf": .array([property.schema, .object(["type": .string("null")])])]) : property.schema
            }
            return .object([
                "type": .string("object"),
                "properties": .object(fields),
                // A property its decoder may miss need not be there; if it is, it may be null.
                "required": .array(properties.filter { !$0.optional }.map { .string($0.key) }),
                "additionalProperties": .bool(false),
            ])
        }
    }

    static func primitive(_ type: Any.Type) -> JSONValue? {
        switch type {
        case is String.Type: .object(["type": .string("string")])
        case is Bool.Type: .object(["type": .string("boolean")])
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt64.Type:
            .object([
                "type": .string("integer"), "minimum": .number(integerBounds.minimum), "maximum": .number(integerBounds.maximum),
            ])
        case is Double.Type, is Float.Type: .object(["type": .string("number")])
        default: nil
        }
    }

    static func standIn<T>(_ type: T.Type) -> T? {
        switch type {
        case is String.Type: "" as? T
        case is Bool.Type: false as? T
        case is Int.Type: 0 as? T
        case is Int64.Type: Int64(0) as? T
        case is Int32.Type: Int32(0) as? T
        case is UInt64.Type: UInt64(0) as? T
        case is Double.Type: 0.0 as? T
        case is Float.Type: Float(0) as? T
        default: nil
        }
    }
}
