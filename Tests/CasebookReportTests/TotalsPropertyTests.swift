import CasebookModel
import CasebookReport
import Testing

/// Generated cases with random exact amounts: the summary's totals must equal the sums of the
/// records, to the smallest unit of each asset, and to the cent in USD.
@Suite("Totals recompute exactly")
struct TotalsPropertyTests {
    static let assets: [(String, Int)] = [("BTC", 8), ("ETH", 18), ("KRW", 0), ("USDT", 6), ("XMR", 12), ("USD", 2)]

    static func amount(_ r: inout SeededRandom, scale: Int) -> ExactDecimal {
        let units = Int128(r.next() % 1_000_000_000_000_000) + 1
        return ExactDecimal(units: units, scale: Int.random(in: 0...scale, using: &r))
    }

    static func make(_ r: inout SeededRandom) -> Case {
        var c = Case(info: CaseInfo(title: "Generated", created: "2026-01-01T00:00:00Z"))
        let actors = (0..<Int.random(in: 1...4, using: &r)).map { "act-\($0)" }
        for a in actors { c.insert(.actor(Actor(meta: Fixture.meta(a), name: "Actor \(a)", kind: .group))) }
        for i in 0..<Int.random(in: 0...8, using: &r) {
            var losses: [Loss] = []
            for _ in 0..<Int.random(in: 0...3, using: &r) {
                let (code, p) = assets.randomElement(using: &r)!
                let usd: ExactDecimal? = Bool.random(using: &r) ? amount(&r, scale: 2) : nil
                losses.append(Loss(asset: code, amount: amount(&r, scale: p), usd: usd))
            }
            let attributions = (0..<Int.random(in: 0...2, using: &r)).map { _ in
                Attribution(actor: actors.randomElement(using: &r)!, confidence: Int.random(in: 0...100, using: &r))
            }
            let year = ["2016", "2017-03", "2018-06-19", nil].randomElement(using: &r)!
            c.insert(.incident(Incident(meta: Fixture.meta("inc-\(i)", tags: Int.random(in: 0..<5, using: &r) == 0 ? ["aggregate"] : []),
                                        title: "Incident \(i)", kind: .exchangeHack, started: year, losses: losses,
                                        attributions: attributions)))
            for t in 0..<Int.random(in: 0...5, using: &r) {
                let (code, p) = assets.randomElement(using: &r)!
                c.insert(.transfer(Transfer(meta: Fixture.meta("tx-\(i)-\(t)"), time: "2018", from: actors[0], to: actors[0],
                                            asset: code, amount: amount(&r, scale: p), incident: "inc-\(i)",
                                            kind: TransferKind.allCases.randomElement(using: &r)!, basis: .observed)))
            }
        }
        return c
    }

    @Test("per-asset, USD, by-actor, by-year and flow totals equal the sums of the records")
    func totals() {
        var r = SeededRandom(seed: 0x5EED)
        for _ in 0..<300 {
            let c = Self.make(&r)
            let s = Summary(case: c, options: Fixture.options)
            let f = s.figures
            let counted = c.incidents.values.filter { !$0.isAggregate }
            // Per asset, exactly, summed here in integer units of the asset's precision.
            for (code, p) in Self.assets {
                let units = counted.flatMap(\.losses).filter { $0.asset == code }.reduce(Int128(0)) { $0 + $1.amount.rescaled(to: p)!.units }
                let shown = f.perAsset.first { $0.asset == code }?.amount
                if units == 0 && shown == nil { continue }
                #expect(shown?.rescaled(to: p)?.units == units, "\(code)")
            }
            let cents = counted.compactMap(\.lossUSD).reduce(Int128(0)) { $0 + $1.rescaled(to: 2)!.units }
            #expect(f.totalUSD.rescaled(to: 2)!.units == cents)
            #expect(f.attributedUSD + f.unattributedUSD == f.totalUSD)
            #expect(f.byActor.reduce(ExactDecimal.zero) { $0 + $1.usd } == f.attributedUSD)
            #expect(f.byYear.reduce(ExactDecimal.zero) { $0 + $1.usd } == f.totalUSD)
            #expect(f.byYear.reduce(0) { $0 + $1.incidents } == counted.count)
            #expect(s.actors.reduce(ExactDecimal.zero) { $0 + $1.totalUSD } == f.attributedUSD)
            for row in s.flows {
                let mine = c.transfers.values.filter { $0.asset == row.asset && c.incidents[$0.incident!]!.title == row.incident }
                #expect(row.stolen == mine.filter { $0.kind == .theft }.reduce(.zero) { $0 + $1.amount })
                #expect(row.held == mine.filter { $0.kind == .stockpile }.reduce(.zero) { $0 + $1.amount })
                #expect(row.stolen - row.cashedOut - row.held - row.inMixers - row.spent == row.unexplained)
            }
            let text = TextRenderer().render(s)
            #expect(text.contains("USD " + f.totalUSD.formatted(minScale: 2)))
        }
    }
}
