/// What can go wrong loading or validating the team, industries and Blueprints.
public enum ModelError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case malformedYAML(file: String, line: Int, column: Int, problem: String)
    case missingField(file: String, line: Int, field: String)
    case invalidValue(file: String, line: Int, field: String, problem: String)
    case unknownField(file: String, line: Int, field: String)
    case duplicatePersona(id: String, file: String, firstFile: String)
    case unknownIndustry(id: String, available: [String])
    case invalidTeam(problem: String)
    case invalidIndustry(file: String, problem: String)
    case invalidTemplate(file: String, line: Int, problem: String)
    /// A file or value past one of the `InputLimits`; `line` and `field` are nil for the file as a whole.
    case overLimit(file: String, line: Int?, field: String?, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read: \(reason)"
        case .malformedYAML(let file, let line, let column, let problem):
            "\(file):\(line):\(column): malformed YAML: \(problem)"
        case .missingField(let file, let line, let field):
            "\(file):\(line): missing required field '\(field)'"
        case .invalidValue(let file, let line, let field, let problem):
            "\(file):\(line): invalid value for '\(field)': \(problem)"
        case .unknownField(let file, let line, let field):
            "\(file):\(line): unknown field '\(field)'"
        case .duplicatePersona(let id, let file, let firstFile):
            "\(file): duplicate persona id '\(id)' (already defined in \(firstFile))"
        case .unknownIndustry(let id, let available):
            "unknown industry '\(id)'; available: \(available.joined(separator: ", ")) (or give a path to an industry YAML file)"
        case .invalidTeam(let problem):
            "invalid team: \(problem)"
        case .invalidIndustry(let file, let problem):
            "\(file): \(problem)"
        case .invalidTemplate(let file, let line, let problem):
            "\(file):\(line): \(problem)"
        case .overLimit(let file, let line, let field, let problem):
            "\(file)\(line.map { ":\($0)" } ?? ""): \(field.map { "'\($0)': " } ?? "")\(problem) (see the limits in docs/formats.md)"
        }
    }
}
