import GravityModel

/// How each column type is written in the generated Python.
enum PythonTypes {
    static func sqlAlchemyType(_ column: AppModel.Column) -> String {
        switch column.type {
        case .string, .email, .choice: "String(\(SQLDialect.sqlite.type(of: column).dropFirst(8).dropLast()))"
        case .text: "Text"
        case .integer: "Integer"
        case .decimal, .money: "Numeric(12, \(column.decimalPlaces))"
        case .boolean: "Boolean"
        case .date: "Date"
        case .datetime: "DateTime"
        }
    }

    /// The Python type the ORM maps the column to.
    static func mappedType(_ column: AppModel.Column) -> String {
        let base: String
        switch column.type {
        case .string, .email, .choice, .text: base = "str"
        case .integer: base = "int"
        case .decimal, .money: base = "Decimal"
        case .boolean: base = "bool"
        case .date: base = "date"
        case .datetime: base = "datetime"
        }
        return column.nullable ? "\(base) | None" : base
    }

    /// The Pydantic annotation, with the Blueprint's constraints.
    static func schemaType(_ column: AppModel.Column) -> String {
        var constraints: [String] = []
        // Strings are checked by StringConstraints, which can also trim and lowercase them.
        var checker = "Field"
        let base: String
        switch column.type {
        case .string:
            // Surrounding spaces are trimmed, so a name of spaces alone is as empty as no name.
            base = "str"
            checker = "StringConstraints"
            constraints = ["strip_whitespace=True", "min_length=1", "max_length=\(column.maxLength ?? 255)", "pattern=NO_NUL"]
        case .text:
            base = "str"
            constraints = ["pattern=NO_NUL"]
        case .email:
            // Lowercased, so that a unique email is unique whatever its case.
            base = "str"
            checker = "StringConstraints"
            constraints = [
                "strip_whitespace=True", "to_lower=True", "max_length=\(column.maxLength ?? 254)",
                #"pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$""#,
            ]
        case .integer where column.references != nil || column.external != nil:
            // An id, here or in another service: 0 and below are refused at the edge, never asked about.
            base = "int"
            constraints = ["ge=1", "le=MAX_INTEGER"]
        case .integer:
            base = "int"
            constraints = [column.minimum.map { "ge=\(Int($0))" } ?? "ge=-MAX_INTEGER", column.maximum.map { "le=\($0)" } ?? "le=MAX_INTEGER"]
        case .decimal:
            base = "Amount"
            constraints = [
                column.minimum.map { "ge=Decimal(\"\(SQLValue.number($0))\")" } ?? "ge=-MAX_DECIMAL", "le=MAX_DECIMAL",
                "max_digits=12", "decimal_places=2", "allow_inf_nan=False",
            ]
        case .money:
            base = "Money"
            constraints = [
                column.minimum.map { "ge=Decimal(\"\(SQLValue.number($0))\")" } ?? "ge=-MAX_MONEY", "le=MAX_MONEY",
                "max_digits=12", "decimal_places=\(column.decimalPlaces)", "allow_inf_nan=False",
            ]
        case .boolean: base = "bool"
        case .date: base = "date"
        case .datetime: base = "UtcDateTime"
        case .choice: base = "Literal[\(column.values.map(pythonString).joined(separator: ", "))]"
        }
        let annotated = constraints.isEmpty ? base : "Annotated[\(base), \(checker)(\(constraints.joined(separator: ", ")))]"
        return column.nullable ? "\(annotated) | None = None" : annotated
    }

    /// The Pydantic annotation of what leaves: the stored value's type without the input's checks
    /// (the database already holds only values that passed them), money and amounts as text.
    static func outputType(_ column: AppModel.Column) -> String {
        let base: String
        switch column.type {
        case .string, .text, .email: base = "str"
        case .integer: base = "int"
        case .decimal: base = "Amount"
        case .money: base = "Money"
        case .boolean: base = "bool"
        case .date: base = "date"
        case .datetime: base = "datetime"
        case .choice: base = "Literal[\(column.values.map(pythonString).joined(separator: ", "))]"
        }
        return column.nullable ? "\(base) | None = None" : base
    }

    /// A Python tuple of strings: `("paid",)` for one, `("pending", "paid")` for more.
    static func tuple(_ values: [String]) -> String {
        "(" + values.map(pythonString).joined(separator: ", ") + (values.count == 1 ? ",)" : ")")
    }

    /// A lifecycle walk as the generated tests take it: `[("pay", "staff"), ("ship", "staff")]`.
    static func steps(_ path: [(transition: AppModel.Lifecycle.Transition, role: String)]) -> String {
        "[" + path.map { "(\(pythonString($0.transition.name)), \(pythonString($0.role)))" }.joined(separator: ", ") + "]"
    }

    /// A valid value for the column in test payloads, distinct per `number` for unique columns.
    static func sample(_ column: AppModel.Column, entity: AppModel.Entity, number: Int) -> String {
        switch column.type {
        case .string:
            let text = "\(Naming.title(entity.name)) \(Naming.underscores(in: column.name, replacedBy: " ")) \(number)"
            return pythonString(String(text.suffix(column.maxLength ?? 255)))
        case .text: return pythonString("Notes about \(entity.name) \(number).")
        case .email: return pythonString("\(Naming.underscores(in: entity.name, replacedBy: "."))\(number)@example.com")
        case .integer: return String(Int(column.minimum ?? 0) + number)
        case .decimal, .money:
            return pythonString(String(format: "%.\(column.decimalPlaces)f", (column.minimum ?? 0) + Double(number) + 0.5))
        case .boolean: return number % 2 == 0 ? "False" : "True"
        case .date: return pythonString(String(format: "2026-01-%02d", number % 28 + 1))
        case .datetime: return pythonString(String(format: "2026-01-%02dT10:30:00", number % 28 + 1))
        case .choice: return pythonString(column.values.first ?? "")
        }
    }

    /// Text safe inside a Python docstring: a quote or backslash from the Blueprint cannot end it.
    static func docstringText(_ text: String) -> String {
        Escaping.replacing(text) { scalar in scalar == "\\" ? "\\\\" : scalar == "\"" ? "\\\"" : nil }
    }

    /// A Python string literal.
    static func pythonString(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += String(format: "\\x%02x", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"" + escaped + "\""
    }
}
