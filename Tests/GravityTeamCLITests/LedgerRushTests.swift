import Foundation
import GravityTestSupport
import Testing

/// Postings in a deployed bank, through its gateway: the ledger service moves an account's balance in
/// the accounts service when a teller posts a transaction, never below zero, and moves it back when
/// an auditor reverses one.
@Suite("Balances under concurrency (deployed)")
struct LedgerRushTests {
    @Test("ten 30.00 debits posted at once on 100.00: exactly three are posted, 10.00 is left, and the posted entries add up to the balance; a transfer moves both accounts or neither")
    func rush() async throws {
        let directory = try CLI.temporaryDirectory()
        let bank = try await DeployedApp.start("finance", named: "bank", adminEmail: "admin@gravity-bank.example", in: directory)
        defer { bank.stop() }
        let (base, auditor) = (bank.base, bank.adminToken)
        let teller = try await bank.signUp("teller@gravity-bank.example", role: "teller")
        let opened: [String: Any] = [
            "account_number": "RUSH-0001", "kind": "checking", "currency": "USD", "opened_on": "2026-11-29", "status": "active", "holder_id": 1,
        ]
        let account = try await LoopbackHTTP.request("POST", "\(base)/api/accounts/accounts", json: opened, token: teller)
        try #require(account.status == 201, "\(account.text)")
        let accountBody = try #require(try account.json() as? [String: Any])
        let id = try #require(accountBody["id"] as? Int)
        #expect(accountBody["balance"] as? String == "0.00", "money comes in only by postings: \(account.text)")
        func balance() async throws -> String? {
            let answer = try await LoopbackHTTP.request("GET", "\(base)/api/accounts/accounts/\(id)", token: teller)
            return (try answer.json() as? [String: Any])?["balance"] as? String
        }
        let ledger = "\(base)/api/ledger/ledger_transactions"
        var number = 0
        func transaction(_ direction: String, _ amount: String) async throws -> Int {
            number += 1
            let body: [String: Any] = [
                "reference": "RUSH-\(number)", "direction": direction, "amount": amount, "currency": "USD",
                "posted_at": "2026-11-29T10:00:00", "account_id": id,
            ]
            let made = try await LoopbackHTTP.request("POST", ledger, json: body, token: teller)
            return try #require((try made.json() as? [String: Any])?["id"] as? Int, "\(made.text)")
        }

        let deposit = try await transaction("credit", "100.00")
        #expect(try await balance() == "0.00", "a pending transaction moves nothing")
        let posted = try await LoopbackHTTP.request("POST", "\(ledger)/\(deposit)/post", token: teller)
        #expect(posted.status == 200, "\(posted.text)")
        #expect(try await balance() == "100.00")

        var debits: [Int] = []
        for _ in 0..<10 { debits.append(try await transaction("debit", "30.00")) }
        let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for debit in debits {
                group.addTask { (debit, try await LoopbackHTTP.request("POST", "\(ledger)/\(debit)/post", token: teller).status) }
            }
            return try await group.reduce(into: [(Int, Int)]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0.1 == 200 }.count == 3, "\(statuses.map(\.1).sorted())")
        #expect(statuses.filter { $0.1 == 409 }.count == 7, "\(statuses.map(\.1).sorted())")
        #expect(try await balance() == "10.00")

        // The auditor reverses one posted debit: its 30.00 comes back, once.
        let reversed = try #require(statuses.first { $0.1 == 200 }?.0)
        #expect(try await LoopbackHTTP.request("POST", "\(ledger)/\(reversed)/reverse", token: auditor).status == 200)
        #expect(try await LoopbackHTTP.request("POST", "\(ledger)/\(reversed)/reverse", token: auditor).status == 409)
        #expect(try await balance() == "40.00")

        // The posted entries account for the balance to the cent.
        let entries = try await LoopbackHTTP.request("GET", "\(ledger)?account_id=\(id)&status=posted&page_size=200", token: auditor)
        let items = try #require((try entries.json() as? [String: Any])?["items"] as? [[String: Any]])
        let sum = items.reduce(Decimal(0)) { total, item in
            let amount = Decimal(string: item["amount"] as? String ?? "") ?? 0
            return total + (item["direction"] as? String == "debit" ? -amount : amount)
        }
        #expect(sum == Decimal(string: try await balance() ?? ""), "\(entries.text)")

        // A transfer moves both accounts at once, by as much each way, or neither.
        let other = try await LoopbackHTTP.request(
            "POST", "\(base)/api/accounts/accounts", json: opened.merging(["account_number": "RUSH-0002"]) { _, new in new }, token: teller)
        let otherID = try #require((try other.json() as? [String: Any])?["id"] as? Int, "\(other.text)")
        func balances() async throws -> [String?] {
            var found: [String?] = []
            for account in [id, otherID] {
                let answer = try await LoopbackHTTP.request("GET", "\(base)/api/accounts/accounts/\(account)", token: teller)
                found.append((try answer.json() as? [String: Any])?["balance"] as? String)
            }
            return found
        }
        func transfer(_ amount: String) async throws -> (Int, Int) {
            number += 1
            let body: [String: Any] = ["reference": "MOVE-\(number)", "amount": amount, "from_account_id": id, "to_account_id": otherID]
            let made = try await LoopbackHTTP.request("POST", "\(base)/api/ledger/transfers", json: body, token: teller)
            let madeID = try #require((try made.json() as? [String: Any])?["id"] as? Int, "\(made.text)")
            return (madeID, try await LoopbackHTTP.request("POST", "\(base)/api/ledger/transfers/\(madeID)/post", token: teller).status)
        }
        let (moved, movedStatus) = try await transfer("30.00")
        #expect(movedStatus == 200)
        #expect(try await balances() == ["10.00", "30.00"])
        let (_, refusedStatus) = try await transfer("20.00")
        #expect(refusedStatus == 409)
        #expect(try await balances() == ["10.00", "30.00"], "a refused transfer moves neither side")
        #expect(try await LoopbackHTTP.request("POST", "\(base)/api/ledger/transfers/\(moved)/reverse", token: auditor).status == 200)
        #expect(try await balances() == ["40.00", "0.00"])
    }
}
