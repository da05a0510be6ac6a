/// A gate that holds callers until `count` of them wait together, then lets everyone through for
/// good: a test that must see `count` things overlap makes them, however fast or loaded the machine,
/// where a fixed delay only made the overlap likely.
actor Gathering {
    private let count: Int
    private var exempt: Int
    private var open = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// - Parameter exempt: how many first callers pass at once, not counted (those that nothing
    ///   can run beside).
    init(count: Int, exempt: Int = 0) {
        self.count = count
        self.exempt = exempt
    }

    func pass() async {
        guard exempt == 0 else {
            exempt -= 1
            return
        }
        guard !open else { return }
        if waiting.isEmpty {
            // What never has `count` callers at once would wait here for good: the gate opens anyway
            // after a minute, and the overlap the test checks is then too small.
            Task { [weak self] in
                try? await Task.sleep(for: .seconds(60))
                await self?.openForGood()
            }
        }
        await withCheckedContinuation { continuation in
            waiting.append(continuation)
            if waiting.count >= count { openForGood() }
        }
    }

    private func openForGood() {
        open = true
        for continuation in waiting { continuation.resume() }
        waiting.removeAll()
    }
}
