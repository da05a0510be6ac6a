import Foundation

/// A run's token budget (`--budget-tokens`). A call is reckoned before it is made as its prompt
/// (about four characters a token) plus the largest answer seen so far (1,000 tokens before the
/// first); it is refused when that, with what was spent and what calls in flight have reserved,
/// would pass the limit.
public actor TokenBudget {
    public let limit: Int
    public private(set) var used = 0
    private var reserved = 0
    private var largestCompletion = 1_000
    /// Whether a call was refused.
    public private(set) var exhausted = false

    public init(limit: Int) { self.limit = limit }

    func reserve(_ request: ModelRequest) throws -> Int {
        let needed = TokenUsage.estimate(prompt: request.system + request.prompt, completion: "").prompt + largestCompletion
        guard used + reserved + needed <= limit else {
            exhausted = true
            throw BudgetExhausted(limit: limit, used: used + reserved, needed: needed)
        }
        reserved += needed
        return needed
    }

    func settle(reservation: Int, spent usage: TokenUsage?) {
        reserved -= reservation
        guard let usage else { return }
        used += usage.total
        largestCompletion = max(largestCompletion, usage.completion)
    }
}

/// The next model call would take the run past its token budget.
public struct BudgetExhausted: Error, CustomStringConvertible, Equatable {
    public var limit: Int
    public var used: Int
    public var needed: Int

    public var description: String {
        "stopped before the next model call: it needs about \(needed) tokens and --budget-tokens \(limit) has \(limit - used) left"
    }
}

/// `model` with every call checked against `budget`.
public struct BudgetedModel: LanguageModel {
    public let model: any LanguageModel
    public let budget: TokenBudget

    public init(_ model: any LanguageModel, budget: TokenBudget) {
        self.model = model
        self.budget = budget
    }

    public var name: String { model.name }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let reservation = try await budget.reserve(request)
        do {
            let response = try await model.complete(request)
            await budget.settle(reservation: reservation, spent: response.usage)
            return response
        } catch {
            await budget.settle(reservation: reservation, spent: nil)
            throw error
        }
    }
}
