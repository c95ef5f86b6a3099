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
            let coming = screen.contains { $0.contains("transfers: still being linked…") }
            let onScreen = screen.filter { $0.contains("transfer: ") }.count
            #expect(coming ? onScreen == 0 : onScreen == listed)
        }
    }
}
