extension Sequence {
    /// The elements in order, each kept only when no earlier one had its key.
    func firstOfEach<Key: Hashable>(by key: (Element) -> Key) -> [Element] {
        var seen: Set<Key> = []
        return filter { seen.insert(key($0)).inserted }
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func firstOfEach() -> [Element] { firstOfEach { $0 } }
}
