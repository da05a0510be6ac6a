/// The team's message bus: ordered delivery of direct, group and broadcast messages to
/// subscribers' inboxes, and every message to every observer.
public actor MessageBus {
    private var inboxes: [(id: String, inbox: Inbox)] = []
    private let observers: [any BusObserver]
    private var sequence = 0

    public init(observers: [any BusObserver] = []) { self.observers = observers }

    /// Registers `id` and returns its inbox, which receives every message addressed to it.
    public func subscribe(_ id: String) -> Inbox {
        let inbox = Inbox()
        inboxes.append((id, inbox))
        return inbox
    }

    /// Delivers `message` to observers, then to each addressed inbox, and returns its sequence number.
    @discardableResult
    public func publish(_ message: BusMessage, from sender: String, to recipient: Recipient = .everyone) -> Int {
        sequence += 1
        let envelope = Envelope(sequence: sequence, from: sender, to: recipient, message: message)
        for observer in observers { observer.observe(envelope) }
        switch recipient {
        case .member(let id):
            for inbox in inboxes where inbox.id == id { inbox.inbox.deliver(envelope) }
        default:
            for inbox in inboxes where inbox.id != sender && recipient.includes(inbox.id) {
                inbox.inbox.deliver(envelope)
            }
        }
        return sequence
    }

    /// Ends every inbox, so that subscribers' receive loops finish.
    public func close() {
        for inbox in inboxes { inbox.inbox.finish() }
        inboxes.removeAll()
    }

    /// How many messages have been published.
    public var published: Int { sequence }
}
