@testable import CasebookUI
import CasebookModel
import CasebookTesting
import Testing

// Amounts too large to total (a hostile or mistyped case file) show "overflow" in the F view and
// the header instead of stopping the program, and the other totals stay exact.
@Suite struct OverflowTotalsTests {
    static func transfer(_ id: String, _ amount: String, usd: String) -> Transfer {
        Transfer(meta: RecordMeta(id: id, created: "2026-01-01T00:00:00Z"), time: "2018-06-20T00:00:00Z",
                 from: "wal-lazarus-eth-collector", to: "act-demo-exchange", asset: "ETH",
                 amount: ExactDecimal(amount)!, usd: ExactDecimal(usd)!, kind: .hop, basis: .illustrative)
    }

    @Test func frequencyViewShowsOverflowForTheAssetItCannotTotal() throws {
        var content = Demo.content
        content.transfers["tx-huge"] = Self.transfer("tx-huge", "200000000000000000000", usd: "99999999999999999999999999999999999.99")
        content.transfers["tx-wei"] = Self.transfer("tx-wei", "0.000000000000000001", usd: "99999999999999999999999999999999999.99")
        let s = Scenario(case: content)
        s.press("3", "l", "l", "l", "F")
        #expect(s.screen.contains("Funds ledger by Asset"))
        let eth = try #require(s.row(containing: "ETH"))
        #expect(eth.contains("overflow"), "\(eth)")
        let btc = Demo.content.transfers.values.filter { $0.asset == "BTC" }
        let total = btc.reduce(ExactDecimal.zero) { $0 + $1.amount }
        let row = try #require(s.row(containing: "BTC"))
        #expect(row.contains(total.formatted() + " BTC"), "other assets still total exactly")
    }

    @Test func aRunningTotalGivesTheExactSumBackOnceTheHugeValueIsGone() {
        let big = ExactDecimal("999999999999999999999999999999999999")!   // 36 digits: 38 at scale 2
        var sum = ExactSum()
        sum.add(ExactDecimal("1.50")!)
        sum.add(big)
        sum.add(big)
        #expect(sum.value.isOverflow)
        sum.remove(big)
        #expect(sum.value.description == "1000000000000000000000000000000000000.50")
        #expect(!sum.value.isOverflow)
        sum.add(-big)
        sum.remove(big)
        #expect(sum.value.description == "-999999999999999999999999999999999997.50")
    }

    @Test("a running total reads as a fresh sum of the values it holds, whatever came and went")
    func runningTotalMatchesAFreshSum() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var sum = ExactSum(), held: [ExactDecimal] = []
            for _ in 0..<40 {
                if !held.isEmpty && Int.random(in: 0..<3, using: &rng) == 0 {
                    sum.remove(held.remove(at: Int.random(in: 0..<held.count, using: &rng)))
                } else {
                    // Amounts (never negative) from cents to 10^37, at scales 0-3.
                    let digits = [2, 12, 35, 37][Int.random(in: 0..<4, using: &rng)]
                    var units: Int128 = 0
                    for _ in 0..<digits { units = units * 10 + Int128(Int.random(in: 0...9, using: &rng)) }
                    let v = ExactDecimal(units: units, scale: Int.random(in: 0...3, using: &rng))
                    sum.add(v)
                    held.append(v)
                }
                let fresh = held.reduce(ExactDecimal.zero, +)
                #expect(sum.value.description == fresh.description, "round \(round): \(held)")
            }
        }
    }

    @Test func theIncidentsHeaderShowsOverflowAndRecoversWhenTheLossIsDeleted() throws {
        var content = Demo.content
        var incident = try #require(content.incidents.values.first { !$0.isAggregate && $0.lossUSD != nil })
        let before = CaseView(content).totalLossUSD
        incident.meta.id = "inc-absurd"
        incident.losses = [Loss(asset: "BTC", amount: ExactDecimal("1")!,
                                usd: ExactDecimal("99999999999999999999999999999999999999")!)]
        content.incidents["inc-absurd"] = incident
        content.incidents["inc-absurd-2"] = { var i = incident; i.meta.id = "inc-absurd-2"; return i }()
        var view = CaseView(content)
        #expect(view.totalLossUSD.isOverflow)
        let s = Scenario(case: content)
        #expect(s.screen.contains("USD overflow stated"))
        let edit = Edit(command: "delete", label: "delete", time: "2026-11-22T00:00:00Z", author: "Tester",
                        changes: [.record(before: .incident(content.incidents["inc-absurd-2"]!), after: nil)])
        try content.apply(edit)
        view.releaseContent()
        _ = view.update(content, after: edit.changes)
        #expect(view.totalLossUSD == before + ExactDecimal("99999999999999999999999999999999999999")!)
        #expect(view.totalLossUSD == CaseView(content).totalLossUSD, "the same as a fresh view")
    }
}
