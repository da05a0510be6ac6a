/// Why a deploy file could not be made; reads as one line for the user.
public enum DeployContractError: Error, CustomStringConvertible, Equatable {
    case unencodable(file: String, problem: String)

    public var description: String {
        switch self {
        case .unencodable(let file, let problem): "\(file): cannot write it as YAML: \(problem)"
        }
    }
}
