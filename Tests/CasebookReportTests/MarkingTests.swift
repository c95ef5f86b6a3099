import CasebookModel
import CasebookReport
import Testing

@Suite("Marking limit and aggregates")
struct MarkingTests {
    static let marked: Case = {
        var c = Case(info: CaseInfo(title: "Marked case", marking: "TLP:AMBER", created: "2026-01-01T00:00:00Z"))
        c.insert(.source(Source(meta: Fixture.meta("src-open", marking: "TLP:CLEAR"), title: "Open report", reliability: .a)))
        c.insert(.source(Source(meta: Fixture.meta("src-secret", marking: "TLP:RED"), title: "Liaison report", reliability: .b)))
        c.insert(.actor(Actor(meta: Fixture.meta("act-secret", marking: "TLP:RED"), name: "Informant Han", kind: .person)))
        c.insert(.actor(Actor(meta: Fixture.meta("act-group"), name: "Group", kind: .group)))
        c.insert(.incident(Incident(meta: Fixture.meta("inc-open", marking: "TLP:GREEN", sources: ["src-open", "src-secret"]),
                                    title: "Open hack", kind: .exchangeHack, started: "2018",
                                    losses: [Loss(asset: "BTC", amount: ExactDecimal("10")!, usd: ExactDecimal("1000.00")!)],
                                    attributions: [Attribution(actor: "act-secret", confidence: 90),
                                                   Attribution(actor: "act-group", confidence: 40)])))
        c.insert(.incident(Incident(meta: Fixture.meta("inc-red", marking: "TLP:AMBER+STRICT"), title: "Strict hack",
                                    kind: .exchangeHack, started: "2019",
                                    losses: [Loss(asset: "BTC", amount: ExactDecimal("5")!, usd: ExactDecimal("500.00")!)])))
        c.insert(.incident(Incident(meta: Fixture.meta("inc-all", tags: ["aggregate"]), title: "All hacks",
                                    kind: .exchangeHack, started: "2018",
                                    losses: [Loss(asset: "USD", amount: ExactDecimal("99999.00")!, usd: ExactDecimal("99999.00")!)])))
        return c
    }()

    @Test("TLP order: CLEAR = WHITE < GREEN < AMBER < AMBER+STRICT < RED; unknown counts as RED")
    func order() {
        #expect(TLP("TLP:WHITE") == .clear && TLP("tlp:clear") == .clear)
        #expect(TLP.clear < .green && TLP.green < .amber && TLP.amber < .amberStrict && TLP.amberStrict < .red)
        #expect(TLP("TLP:AMBER+STRICT") == .amberStrict)
        #expect(TLP.level(of: "SECRET") == .red)
        #expect(TLP("purple") == nil)
    }

    @Test("records above the limit are left out, counted, and never named")
    func omits() {
        let s = Summary(case: Self.marked, options: SummaryOptions(generated: "t", author: "a", maxMarking: .amber))
        #expect(s.omitted == 3)
        #expect(s.incidents.map(\.title).sorted() == ["All hacks", "Open hack"])
        #expect(s.figures.totalUSD == ExactDecimal("1000")!)
        #expect(s.sources.map(\.title) == ["Open report"])
        #expect(s.incidents.first { $0.title == "Open hack" }?.notes == [1])
        for (form, text) in Fixture.all(s) {
            #expect(!text.contains("Informant Han"), "\(form)")
            #expect(!text.contains("Liaison"), "\(form)")
            #expect(!text.contains("Strict hack"), "\(form)")
            #expect(text.contains("3 records omitted"), "\(form)")
            #expect(text.contains("withheld"), "\(form)")
        }
        let green = Summary(case: Self.marked, options: SummaryOptions(generated: "t", author: "a", maxMarking: .green))
        #expect(green.incidents.map(\.title) == ["Open hack"], "unmarked records take the case's AMBER")
        let all = Summary(case: Self.marked, options: SummaryOptions(generated: "t", author: "a"))
        #expect(all.omitted == 0)
        #expect(all.figures.totalUSD == ExactDecimal("1500")!)
    }

    @Test("an aggregate incident is listed but not added into any total")
    func aggregate() {
        let s = Summary(case: Self.marked, options: Fixture.options)
        #expect(s.figures.totalUSD == ExactDecimal("1500")!)
        #expect(s.figures.perAsset.map(\.asset) == ["BTC"])
        #expect(s.figures.aggregates.map(\.usd) == [ExactDecimal("99999")!])
        #expect(s.figures.byYear.reduce(ExactDecimal.zero) { $0 + $1.usd } == ExactDecimal("1500")!)
        #expect(s.incidents.contains { $0.isAggregate && $0.title == "All hacks" })
        #expect(TextRenderer().render(s).contains("(aggregate: not in totals)"))
    }

    @Test("a case that fails validation still summarises, with its problems at the end")
    func problems() {
        var c = Self.marked
        c.insert(.transfer(Transfer(meta: Fixture.meta("tx-bad"), time: "2018", from: "wal-missing", to: "act-group",
                                    asset: "BTC", amount: ExactDecimal("1")!, kind: .hop, basis: .inferred)))
        let s = Summary(case: c, options: Fixture.options)
        #expect(!s.problems.isEmpty)
        let text = TextRenderer().render(s)
        #expect(text.contains("PROBLEMS"))
        #expect(text.contains("wal-missing"))
    }
}
