/// Who a bus message is for.
public enum Recipient: Sendable, Hashable {
    /// Every subscriber.
    case everyone
    /// One subscriber.
    case member(String)
    /// Several subscribers.
    case group([String])

    func includes(_ id: String) -> Bool {
        switch self {
        case .everyone: true
        case .member(let member): member == id
        case .group(let members): members.contains(id)
        }
    }
}
