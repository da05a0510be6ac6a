/// Token counts of one exchange.
public struct TokenUsage: Codable, Sendable, Hashable {
    public var prompt: Int
    public var completion: Int

    public init(prompt: Int, completion: Int) {
        self.prompt = prompt
        self.completion = completion
    }

    public static let zero = TokenUsage(prompt: 0, completion: 0)

    public var total: Int { prompt + completion }

    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(prompt: lhs.prompt + rhs.prompt, completion: lhs.completion + rhs.completion)
    }

    /// The usual rough estimate for English and JSON: about four characters a token.
    public static func estimate(prompt: String, completion: String) -> TokenUsage {
        TokenUsage(prompt: (prompt.utf8.count + 3) / 4, completion: (completion.utf8.count + 3) / 4)
    }
}

/// A model's answer: JSON text to be parsed into the expected answer type, and its token counts.
public struct ModelResponse: Sendable, Hashable {
    public var text: String
    public var usage: TokenUsage

    public init(text: String, usage: TokenUsage) {
        self.text = text
        self.usage = usage
    }
}
