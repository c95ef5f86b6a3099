// The ledger's search text is built from the per-value texts of the columns that name a record
// (SearchText+Ledger) instead of row by row: it must hold exactly the bytes the row-by-row build
// holds, for ordinary names and for Korean, upper-case and control characters in them.

import CasebookModel
import Testing
@testable import CasebookUI

@Suite("Ledger search text")
struct SearchTextLedgerTests {
    static func expectSame(_ view: CaseView, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = try #require(SearchText.buildLedger(view), sourceLocation: sourceLocation)
        let rows = SearchText.buildRows(.ledger, view)
        // Where they first differ, not the whole arrays, when they do.
        func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> Int? {
            a.count != b.count ? min(a.count, b.count) : a.indices.first { a[$0] != b[$0] }
        }
        #expect(firstDifference(fast.start, rows.start) == nil && firstDifference(fast.length, rows.length) == nil,
                sourceLocation: sourceLocation)
        #expect(firstDifference(fast.ascii, rows.ascii) == nil, "row", sourceLocation: sourceLocation)
        #expect(firstDifference(fast.bytes, rows.bytes) == nil, "byte", sourceLocation: sourceLocation)
    }

    @Test("the same bytes as the row-by-row build, on the demo case and a generated one")
    func sameAsRowByRow() throws {
        try Self.expectSame(CaseView(Demo.content))
        var c = SyntheticCase.make(transfers: 3_000, seed: 8)
        // Names with Korean, capitals and a control character (VisibleText makes it visible).
        let someWallets = c.transfers.values.prefix(40).map(\.from).filter { c.wallets[$0] != nil }
        for (i, id) in someWallets.enumerated() { c.wallets[id]!.label = i % 2 == 0 ? "라자루스 지갑 \(i)" : "Hot\u{7}Wallet \(i)" }
        for id in c.actors.keys { c.actors[id]!.name += " ÄÖ" }
        // Times that are not canonical (kept as written), an incident left empty, no USD.
        let odd = ["2018-06-19", "2018-06-19T10:00:00.5Z", "2018-06-19T10:00:00+09:00", "오늘\u{1b}[31m"]
        for (i, id) in c.transfers.keys.prefix(60).enumerated() {
            if i % 3 == 0 { c.transfers[id]!.time = odd[i / 3 % odd.count] }
            if i % 5 == 0 { c.transfers[id]!.incident = nil }
            if i % 7 == 0 { c.transfers[id]!.usd = nil }
        }
        try Self.expectSame(CaseView(c))
        // With the column cache's per-value texts already made (a sort or the warm-up made
        // them), the ledger's text takes them from there: still the same bytes.
        let warmed = CaseView(c)
        warmed.columnCache.warmLedgerTexts(warmed)
        #expect(warmed.columnCache.madeReferenceTexts(1) != nil)
        try Self.expectSame(warmed)
    }

    @Test("a search finds the same rows either way after an edit renames a wallet")
    func afterAnEdit() throws {
        var c = SyntheticCase.make(transfers: 2_000, seed: 9)
        var view = CaseView(c)
        let wallet = try #require(c.transfers.values.lazy.compactMap { c.wallets[$0.to] }.first)
        let edit = try Editor(author: "t", time: "2026-11-22T12:00:00Z").set(field: "label", value: "박진혁 세탁 지갑", id: wallet.id, in: c)
        try c.apply(edit)
        view.update(c, after: edit.changes)
        try Self.expectSame(view)
    }
}
