/// Sees every message on the bus, in delivery order. Called synchronously by the bus, so an
/// observer must be quick and must not call back into the bus.
public protocol BusObserver: Sendable {
    func observe(_ envelope: Envelope)
}
