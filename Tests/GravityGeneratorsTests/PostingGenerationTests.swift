import Foundation
import GravityGenerators
import GravityModel
import Testing

/// A Blueprint's postings as the generators read them: the balance the server keeps, its movements
/// table, the posted entity's key, and a posting that does not fit the tables refused by name.
@Suite("Posting generation")
struct PostingGenerationTests {
    @Test("the account's balance is the server's, bounded at 0, with a movements table; the ledger transaction keeps a movement key")
    func model() async throws {
        let app = try AppModel(blueprint: try await GeneratorTestData.session("finance").blueprint)
        let accounts = try #require(app.service("accounts"))
        let account = try #require(accounts.entities.first { $0.name == "account" })
        let balance = try #require(account.columns.first { $0.name == "balance" })
        #expect(account.balance?.field == "balance" && balance.isServerOwned && !balance.nullable && balance.minimum == 0)
        #expect(accounts.internalTables.map(\.table) == ["account_movements", "audit_entries"], "the team adopted an audit log")
        let transaction = try #require(app.service("ledger")?.entities.first { $0.name == "ledger_transaction" })
        let posting = try #require(transaction.posting)
        #expect(posting.column == "account_id" && posting.postedBy == "post" && posting.reversedBy == "reverse" && posting.debit == "debit")
        #expect(transaction.columns.contains { $0.name == "movement_key" && $0.isServerOwned })
        let transfer = try #require(app.service("ledger")?.entities.first { $0.name == "transfer" }?.posting)
        #expect(transfer.column == "from_account_id" && transfer.counterpartColumn == "to_account_id" && transfer.direction == nil)
    }

    @Test(
        "a posting that does not fit the Blueprint is refused, naming the entity and what is wrong",
        arguments: [
            (Posting(entity: "ledger_transaction", account: "currency", amount: "amount", direction: "direction", debit: "debit", balance: "balance", postedBy: "post"),
             "moves 'currency', which is not a required reference to another service's entity with a balance"),
            (Posting(entity: "ledger_transaction", account: "account", amount: "currency", direction: "direction", debit: "debit", balance: "balance", postedBy: "post"),
             "moves by 'currency', which is not a NOT NULL money column of ledger_transactions with a minimum above 0"),
            (Posting(entity: "ledger_transaction", account: "account", amount: "amount", direction: "direction", debit: "withdrawal", balance: "balance", postedBy: "post"),
             "goes the way 'direction' says, which is not a NOT NULL choice column of ledger_transactions with the value 'withdrawal'"),
            (Posting(entity: "ledger_transaction", account: "account", amount: "amount", direction: "direction", debit: "debit", balance: "balance", postedBy: "approve"),
             "is moved by 'approve', which is not a transition of its lifecycle"),
        ] as [(Posting, String)]
    )
    func incoherent(posting: Posting, message: String) async throws {
        var blueprint = try await GeneratorTestData.session("finance").blueprint
        blueprint.requirements?.postings = [posting]
        #expect(throws: GenerationError.incoherentPosting(entity: "ledger_transaction", problem: message)) {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        }
    }

    @Test("a balance kept in a column that is not money is refused, naming the account")
    func balanceNotMoney() async throws {
        var blueprint = try await GeneratorTestData.session("finance").blueprint
        blueprint.requirements?.postings[0].balance = "account_number"
        #expect(throws: GenerationError.incoherentPosting(entity: "account", problem: "keeps its balance in 'account_number', which is not a money column of accounts")) {
            try ApplicationGenerator.generate(blueprint: blueprint, decisions: [])
        }
    }
}
