// A big case's linked-transfer lists are made in the background once the screen is up. The
// screen's detail view must never wait for them (it says they are coming), and the command
// line's `casebook show` must always list them.

import CasebookModel
import Testing
@testable import CasebookUI

@Suite("Linked transfers made in the background")
struct BackgroundLinksTests {
    @Test("the command line waits for them; the screen shows them all or says they are coming")
    func detailOfAWalletWithTransfers() throws {
        let c = SyntheticCase.make(transfers: 25_000, seed: 3)
        let wallet = try #require(c.transfers.values.lazy.compactMap { c.wallets[$0.from] }.first)
        let record = AnyRecord.wallet(wallet)
        let shown = DetailView.text(for: record, in: CaseView(c))
        let listed = shown.split(separator: "\n").filter { $0.contains("transfer: ") }.count
        #expect(listed > 0 && !shown.contains("still being linked"))
        let expected = c.transfers.values.filter { $0.from == wallet.id || $0.to == wallet.id }.count
        #expect(listed == min(expected, CaseView.linkLimit))
        for _ in 0..<3 {
            let screen = DetailView.lines(for: record, in: CaseView(c), width: 100).map(\.text)
            let coming = screen.contains { $0.contains("transfers: still being linked…") || $0.contains("linked records: still being found…") }
            let onScreen = screen.filter { $0.contains("transfer: ") }.count
            #expect(coming ? onScreen == 0 : onScreen == listed)
        }
    }
}

extension BackgroundLinksTests {
    @Test("an actor's detail right after opening shows all its links or says they are coming, never a part")
    func detailOfAnActorRightAfterOpening() throws {
        let c = SyntheticCase.make(transfers: 25_000, seed: 6)
        let actor = try #require(c.actors.values.filter { a in c.wallets.values.contains { $0.owner == a.id } }.min { $0.id < $1.id })
        let record = AnyRecord.actor(actor)
        let full = DetailView.text(for: record, in: CaseView(c)).split(separator: "\n").filter { $0.contains(": ") && $0.contains("[") }
        #expect(full.contains { $0.contains("wallet: ") })
        for _ in 0..<3 {
            let screen = DetailView.lines(for: record, in: CaseView(c), width: 100).map(\.text)
            let linked = screen.filter { $0.contains(": ") && $0.contains("[") }
            if screen.contains(where: { $0.contains("linked records: still being found…") }) {
                // Only what the actor record itself names (its parent) before the links are found.
                #expect(!linked.contains { $0.contains("wallet: ") || $0.contains("member: ") || $0.contains("incident: ") })
            } else if !screen.contains(where: { $0.contains("transfers: still being linked…") }) {
                #expect(linked.count == full.count)
            }
        }
    }
}

@Suite("Search while its text is being prepared")
struct SearchWhilePreparingTests {
    @Test("a search typed while the loader prepares the text says so, then lands where a waiting search would")
    func searchDuringWarmUp() async throws {
        let c = SyntheticCase.make(transfers: 40_000, seed: 4)
        let app = App(file: "big.case.json", theme: .mono)
        app.show(c)
        let view = try #require(app.state.view)
        app.handle(.char("3"), width: 120, height: 35)
        // Part of the address of a wallet near the end of the ledger, as its name shows it.
        let last = try #require(app.state.current.rows.last.flatMap { c.transfers[$0] })
        let pattern = String(try #require(c.wallets[last.to]).address.prefix(8))
        // The loader's warm-up, as after opening a big case.
        let warming = Task.detached { view.searchText.warm(view) }
        app.handle(.char("/"), width: 120, height: 35)
        for ch in pattern { app.handle(.char(ch), width: 120, height: 35) }
        if app.state.searchPending {
            #expect(app.state.promptHint?.hasPrefix("preparing the search text") == true)
            #expect(app.frame(width: 120, height: 35).text.contains("preparing the search text"))
        }
        await warming.value
        // What the loop does while a search is pending: try again.
        if app.state.searchPending { app.state.updateIncrementalSearch() }
        #expect(!app.state.searchPending)
        let expected = try #require(app.state.findRow(pattern, from: 0, forward: true))
        #expect(app.state.current.cursor == expected)
    }
}
