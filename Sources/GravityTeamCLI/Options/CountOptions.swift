import ArgumentParser

/// Options that count something (messages, runs, rows, seconds): each at least 1, or one line naming it.
enum CountOptions {
    static func check(_ options: KeyValuePairs<String, Int>) throws {
        for (name, value) in options where value < 1 {
            throw ValidationError("\(name) must be at least 1, not \(value)")
        }
    }
}
