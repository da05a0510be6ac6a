/// Why a model server could not give an answer; each reads as one line and never holds a key.
public enum ModelServerError: Error, CustomStringConvertible, Equatable {
    /// No answer within the time limit.
    case timedOut(url: String, seconds: Double)
    /// The connection failed or broke off.
    case connection(url: String, problem: String)
    /// Nothing accepted the connection.
    case refused(url: String)
    /// An HTTP error status, with the start of the body and the server's Retry-After.
    case status(url: String, code: Int, body: String, retryAfter: Duration?)
    /// The body is not the JSON the protocol promises.
    case malformed(url: String, problem: String)
    /// The server does not have the model.
    case unknownModel(name: String, available: [String])

    public var description: String {
        switch self {
        case .timedOut(let url, let seconds): "\(url): no answer within \(seconds) s"
        case .connection(let url, let problem): "\(url): \(problem)"
        case .refused(let url): "\(url): connection refused (is the server running there?)"
        case .status(let url, let code, let body, _): "\(url): HTTP \(code)\(body.isEmpty ? "" : ": \(body)")"
        case .malformed(let url, let problem): "\(url): not a valid answer: \(problem)"
        case .unknownModel(let name, let available):
            "the server has no model '\(name)'; it has: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        }
    }

    /// Whether asking again may help: timeouts, broken connections, 429 and 5xx, garbled bodies.
    public var retryAfter: Duration? {
        if case .status(_, _, _, let after) = self { return after }
        return nil
    }

    var isRefused: Bool {
        if case .refused = self { return true }
        return false
    }

    public var isTransient: Bool {
        switch self {
        case .timedOut, .connection, .refused, .malformed: true
        case .status(_, let code, _, _): code == 429 || code >= 500
        case .unknownModel: false
        }
    }
}
