/// A part of a local deployment that the supervisor keeps running: a service process, the gateway,
/// the database server. Units start in dependency order (the database, the services wave by wave,
/// the gateway); `run()` watches one until its task is cancelled, restarting it as its policy says;
/// `stop(announce:)` stops it gracefully, in the reverse order.
protocol SupervisedUnit: Actor {
    nonisolated var name: String { get }
    func run() async
    /// Stops the unit; `announce` says so in the deploy's events (not when a failed deploy is undone).
    func stop(announce: Bool) async
}

extension SupervisedUnit {
    /// Calls `watch` every `interval` until the task is cancelled.
    func watching(every interval: Duration, _ watch: () async -> Void) async {
        while !Task.isCancelled {
            await watch()
            try? await Task.sleep(for: interval)
        }
    }
}
