import CasebookModel
import CasebookTesting
import CasebookUI
import Testing

/// Search, filter, sort and the frequency view, as a user drives them.
@Suite struct FindingTests {
    @Test func incrementalSearchFindsTheThreeBithumbHacksWithNAndHighlights() {
        let s = Demo.scenario()
        s.press("/").type("bith")
        #expect(s.state.current.selectedID == "inc-bithumb-2017", "jumps as you type")
        // The match is highlighted in the visible rows.
        let frame = s.frame
        let y = (0..<frame.height).first { frame[0, $0].char == "▶" }!
        #expect((0..<frame.width).contains { frame[$0, y].role == .match })
        #expect(frame.cursor?.y == frame.height - 2, "while typing, the cursor is in the search prompt")
        s.press("Enter", "n")
        #expect(s.state.current.selectedID == "inc-bithumb-2018")
        s.press("n")
        #expect(s.state.current.selectedID == "inc-bithumb-2019")
        s.press("N")
        #expect(s.state.current.selectedID == "inc-bithumb-2018")
        s.press("n", "n")
        #expect(s.screen.contains("Search wrapped to the top"))
        s.press("/").type("zzzz")
        #expect(s.screen.contains("No match for zzzz"))
        s.press("Esc")
        #expect(s.state.prompt == nil)
    }

    @Test func filterByTextFieldNumberTagAndNegation() {
        let s = Demo.scenario()
        s.press("\\").type("bithumb").press("Enter")
        #expect(s.state.current.rows.count == 3)
        #expect(s.screen.contains("filter: bithumb"))
        #expect(s.screen.contains("1 Incidents 3/10"))
        s.press("\\", "Ctrl-U").type("loss>20000000").press("Enter")
        #expect(Set(s.state.current.rows) == ["inc-bithumb-2018", "inc-bangladesh-bank-2016", "inc-un-five-exchange-attacks"])
        s.press("\\", "Ctrl-U").type("kind:exchange-hack !status:suspected").press("Enter")
        #expect(s.state.current.rows.allSatisfy { Demo.content.incidents[$0]?.kind == .exchangeHack && Demo.content.incidents[$0]?.status != .suspected })
        s.press("3", "\\").type("tag:illustrative asset=BTC amount>=500").press("Enter")
        #expect(!s.state.current.rows.isEmpty)
        #expect(s.state.current.rows.allSatisfy { Demo.content.transfers[$0]!.asset == "BTC" && Demo.content.transfers[$0]!.amount >= ExactDecimal(500) })
        s.press("\\", "Ctrl-U").type("colour:red").press("Enter")
        #expect(s.screen.contains("no field 'colour' here"))
        s.press("\\", "Ctrl-U").press("Enter")
        #expect(s.state.current.rows.count == 11, "an empty filter clears it")
    }

    @Test func sortByAmountIsNumericAndStable() {
        let s = Demo.scenario()
        s.press("3")
        for _ in 0..<4 { s.press("l") }   // Time From To Asset [Amount]
        s.press("O")
        let amounts = s.state.current.rows.map { Demo.content.transfers[$0]!.amount }
        #expect(amounts == amounts.sorted(by: >), "descending by exact amount, not by text")
        #expect(s.screen.contains("Amount▼"))
        s.press("h", "o")   // sort by asset: rows of one asset keep their amount order (stable)
        let rows = s.state.current.rows.map { Demo.content.transfers[$0]! }
        let btc = rows.filter { $0.asset == "BTC" }.map(\.amount)
        #expect(btc == btc.sorted(by: >))
        #expect(rows.map(\.asset) == rows.map(\.asset).sorted())
    }

    @Test func frequencyShowsLossesByActorAndTransfersByAsset() throws {
        let s = Demo.scenario()
        for _ in 0..<5 { s.press("l") }   // Attribution column
        s.press("F")
        let screen = s.screen
        #expect(screen.contains("Incidents by Attribution"))
        // Losses by actor: recomputed here from the records, exactly.
        var byActor: [String: ExactDecimal] = [:]
        for i in Demo.content.incidents.values where !i.isAggregate {
            if let a = i.strongestAttribution, let usd = i.lossUSD { byActor[Demo.content.actors[a.actor]!.name, default: .zero] += usd }
        }
        for (name, usd) in byActor {
            let row = try #require(s.row(containing: String(name.prefix(20))))
            #expect(row.contains(usd.formatted(minScale: 2)), "\(name) \(usd)")
        }
        s.press("Esc", "3", "l", "l", "l", "F")
        let btc = Demo.content.transfers.values.filter { $0.asset == "BTC" }
        let total = btc.reduce(ExactDecimal.zero) { $0 + $1.amount }
        let row = try #require(s.row(containing: "BTC"))
        #expect(row.contains("\(btc.count)") && row.contains(total.formatted() + " BTC"))
        s.press("Enter")
        #expect(s.state.current.rows.count == btc.count, "Enter filters to the chosen group")
    }
}
