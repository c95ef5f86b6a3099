import CasebookModel
import Testing

/// `casebook generate`'s data: the size asked for, valid, the same for a seed, and money that
/// never leaves a wallet faster than it came in.
@Suite struct SyntheticCaseTests {
    @Test func sizeValidityAndDeterminism() {
        let a = SyntheticCase.make(transfers: 3_000, seed: 42)
        #expect(a.transfers.count == 3_000)
        #expect(a.validate().isEmpty, "\(a.validate().prefix(3))")
        #expect(SyntheticCase.make(transfers: 3_000, seed: 42) == a)
        #expect(SyntheticCase.make(transfers: 3_000, seed: 43) != a)
        #expect(a.actors.values.contains { $0.name == "박진혁" })
        #expect(a.transfers.values.allSatisfy { $0.basis == .illustrative })
    }

    @Test func outflowsNeverExceedInflowsAndLossesAreTheThefts() {
        let c = SyntheticCase.make(transfers: 2_000, seed: 9)
        var balance: [String: [String: ExactDecimal]] = [:]
        for t in c.transfers.values {
            if c.wallets[t.from] != nil { balance[t.from, default: [:]][t.asset, default: .zero] -= t.amount }
            if c.wallets[t.to] != nil { balance[t.to, default: [:]][t.asset, default: .zero] += t.amount }
        }
        #expect(balance.values.allSatisfy { $0.values.allSatisfy { !$0.isNegative } })
        for inc in c.incidents.values {
            let thefts = c.transfers.values.filter { $0.incident == inc.id && $0.kind == .theft }
            for loss in inc.losses {
                #expect(loss.amount == thefts.filter { $0.asset == loss.asset }.reduce(.zero) { $0 + $1.amount })
            }
        }
    }
}
