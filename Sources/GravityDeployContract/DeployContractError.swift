/// Why a deploy file could not be made; reads as one line for the user.
public enum DeployContractError: Error, CustomStringConvertible, Equatable {
    case unencodable(problem: String)

    public var description: String {
        switch self {
        case .unencodable(let problem): "cannot write the deploy file as YAML: \(problem)"
        }
    }
}
