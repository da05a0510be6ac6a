import GravityRuntime

/// Checks a JSON value against a schema in the subset the answer schemas use (type, properties,
/// required, additionalProperties, items, enum, anyOf, minimum, maximum, maxItems): the first
/// place it fails, as a path, or nil.
enum SchemaValidator {
    static func problem(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> String? {
        if case .array(let options)? = schema["anyOf"] {
            let problems = options.map { problem(value, $0, at: path) }
            return problems.contains { $0 == nil } ? nil : problems.compactMap { $0 }.joined(separator: "; or ")
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) { return "\(path): \(value) is not in the enum" }
        switch (schema["type"]?.string, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string): return nil
        case ("number", .number(let number)), ("integer", .number(let number)):
            if schema["type"]?.string == "integer", number != number.rounded() { return "\(path): \(number) is not an integer" }
            if case .number(let minimum)? = schema["minimum"], number < minimum { return "\(path): below \(minimum)" }
            if case .number(let maximum)? = schema["maximum"], number > maximum { return "\(path): above \(maximum)" }
            return nil
        case ("array", .array(let items)):
            if case .number(let most)? = schema["maxItems"], Double(items.count) > most { return "\(path): more than \(most) items" }
            guard let itemSchema = schema["items"] else { return nil }
            for (index, item) in items.enumerated() {
                if let problem = problem(item, itemSchema, at: "\(path)[\(index)]") { return problem }
            }
            return nil
        case ("object", .object(let fields)):
            guard case .object(let properties)? = schema["properties"] else { return nil }
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where fields[key] == nil { return "\(path): no '\(key)'" }
            }
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] {
                    if let problem = problem(field, property, at: "\(path).\(key)") { return problem }
                } else if schema["additionalProperties"] == .bool(false) {
                    return "\(path): '\(key)' is not a property"
                } else if let additional = schema["additionalProperties"], let problem = problem(field, additional, at: "\(path).\(key)") {
                    return problem
                }
            }
            return nil
        default:
            return "\(path): \(value) is not a \(schema["type"]?.string ?? "?")"
        }
    }
}
