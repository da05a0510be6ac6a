import Foundation

extension SchemaTracer {
    /// The decoder a traced type's `init(from:)` runs against: each container records what it is
    /// asked for in the recorder and answers with stand-in values.
    struct TracingDecoder: Decoder {
        let recorder: Recorder
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(KeyedTracer<Key>(recorder: recorder, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            UnkeyedTracer(recorder: recorder, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleValueTracer(recorder: recorder, codingPath: codingPath)
        }
    }

    /// The schema and a stand-in of a value of `type` asked for inside another.
    static func nested<T: Decodable>(_ type: T.Type) throws -> (JSONValue, T) {
        if let schema = primitive(type), let value = standIn(type) { return (schema, value) }
        let recorder = Recorder()
        let value = try Self.value(of: type, recorder: recorder)
        guard let schema = recorder.schema else { throw Failure(description: "\(type) asked its decoder for nothing") }
        return (schema, value)
    }

    struct KeyedTracer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: Recorder
        var codingPath: [any CodingKey]
        // Keys the decoder may look for are not known up front; none is "present" but by asking.
        var allKeys: [Key] { [] }

        init(recorder: Recorder, codingPath: [any CodingKey]) {
            self.recorder = recorder
            self.codingPath = codingPath
            recorder.isObject = true
        }

        func note(_ key: Key, _ schema: JSONValue, optional: Bool) {
            if let index = recorder.properties.firstIndex(where: { $0.key == key.stringValue }) {
                recorder.properties[index].optional = recorder.properties[index].optional && optional
            } else {
                recorder.properties.append((key.stringValue, schema, optional))
            }
        }

        func contains(_ key: Key) -> Bool { true }

        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let (schema, value) = try SchemaTracer.nested(type)
            note(key, schema, optional: false)
            return value
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            let (schema, value) = try SchemaTracer.nested(type)
            note(key, schema, optional: true)
            return value
        }

        // The standard library's own overloads for these would ask `decode`, and so mark the key required.
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }

        private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
            let (schema, value) = try SchemaTracer.nested(type)
            note(key, schema, optional: true)
            return value
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw Failure(description: "a nested keyed container at \(key.stringValue) is not traced")
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw Failure(description: "a nested unkeyed container at \(key.stringValue) is not traced")
        }

        func superDecoder() throws -> any Decoder { throw Failure(description: "superDecoder is not traced") }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Failure(description: "superDecoder is not traced") }
    }

    /// An array: its decoder is shown one element, whose schema is the items'.
    struct UnkeyedTracer: UnkeyedDecodingContainer {
        let recorder: Recorder
        var codingPath: [any CodingKey]
        var count: Int? { nil }
        var isAtEnd: Bool { recorder.schema != nil }
        var currentIndex: Int { recorder.schema == nil ? 0 : 1 }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (items, value) = try SchemaTracer.nested(type)
            recorder.schema = .object(["type": .string("array"), "items": items])
            return value
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw Failure(description: "a nested keyed container in an array is not traced")
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw Failure(description: "a nested unkeyed container in an array is not traced")
        }

        mutating func superDecoder() throws -> any Decoder { throw Failure(description: "superDecoder is not traced") }
    }

    /// A single value: a primitive, or a type that decodes itself from one (an enum).
    struct SingleValueTracer: SingleValueDecodingContainer {
        let recorder: Recorder
        var codingPath: [any CodingKey]

        func decodeNil() -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, value) = try SchemaTracer.nested(type)
            recorder.schema = schema
            return value
        }
    }
}
