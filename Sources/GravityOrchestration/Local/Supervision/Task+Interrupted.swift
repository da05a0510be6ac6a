extension Task where Success == Never, Failure == Never {
    /// Sleeps for `duration`; a deploy whose task is cancelled (the supervisor was asked to stop)
    /// ends with `DeployError.interrupted`.
    static func sleepUnlessInterrupted(for duration: Duration) async throws {
        do {
            try await sleep(for: duration)
        } catch {
            throw DeployError.interrupted
        }
    }

    static func checkInterrupted() throws {
        if isCancelled { throw DeployError.interrupted }
    }
}
