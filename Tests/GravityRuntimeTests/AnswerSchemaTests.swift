import Foundation
import GravityRuntime
import Testing

@Suite("Answer schemas")
struct AnswerSchemaTests {
    @Test("arrays take the shape of all their elements; keys some elements lack are optional; numbers are numbers")
    func merging() throws {
        let example = try JSONValue.parse(Data(#"{"items": [{"a": 1, "b": "x"}, {"a": 0.5}], "count": 0}"#.utf8))
        let schema = AnswerSchema.infer(example)
        #expect(schema["properties"]?["count"]?["type"] == .string("number"))
        let items = try #require(schema["properties"]?["items"]?["items"])
        #expect(items["required"] == .array([.string("a")]))
        #expect(items["properties"]?["b"]?["type"] == .string("string"))
        #expect(items["properties"]?["a"]?["type"] == .string("number"))
        #expect(schema["required"] == .array([.string("count"), .string("items")]))
    }
}
