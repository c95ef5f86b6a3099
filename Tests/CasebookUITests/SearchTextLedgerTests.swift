// The ledger's search text keeps no bytes per row (LedgerText): each column's text is had from
// per-value texts, LedgerSlots or the record. Every row's and every field's answer, for search
// and for a filter's contains and `=`, must be the row-by-row text's (SearchText.buildRows), and
// so must whether a field is printable ASCII (the filter's fast path); for ordinary names and for
// Korean, upper-case and control characters in them, odd times, no incident and no USD.

import CasebookModel
import CasebookTesting
import Foundation
import Testing
@testable import CasebookUI

@Suite("Ledger search text")
struct SearchTextLedgerTests {
    static let words = ["a", "lazarus", "0x", "btc", "eth", "2018", "t0", "06-19", "t10:00", "z", ":0", ",0", ".00", "0.5",
                        "1,", "-", "theft", "hop", "라자루스", "ä", "hot", "…", "wallet 1", "(", "inc-", "오늘", "[31m", "+09",
                        // Digit runs longer than a time's or a number's whole groups (LedgerMatch skips those).
                        "2018", "20180", "1234", "000", "0000", "00000000", "000000001", ".000000", "0,000",
                        "-1", "1,000", ",000,000", "1.5.", "0,0.5", "-0.", "5.", "-", ",", "1,234,567", "0.0.0",
                        "-2.5", "3.00", "0001", "00000000000000000001", "4567", "-10.00", "1234567.50", "123,456,789.5"]

    /// `text`: the ledger text to hold to the rows (a patched one); by default one made afresh.
    static func expectSame(_ view: CaseView, text given: LedgerText? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var made: LedgerText?
        if case .ledger(let fresh) = SearchText.build(.ledger, view) { made = fresh }
        guard let text = given ?? made else {
            Issue.record("the ledger's text was made row by row", sourceLocation: sourceLocation)
            return
        }
        let rows = SearchText.buildRows(.ledger, view)
        let ids = view.indexes[.ledger]!.ids
        let columns = PaneKind.ledger.columns
        let live = ids.indices.filter { !ids[$0].isEmpty }
        rows.bytes.withUnsafeBufferPointer { b in
            func field(_ k: Int, _ s: Int) -> Range<Int> { ColumnCache.field(k, of: s, rows, b) }
            // The words above, and some rows' fields as they are (so `=` has rows to find).
            var needles = words
            for s in live.prefix(5) + live.suffix(2) {
                for k in columns.indices { needles.append(String(decoding: b[field(k, s)], as: UTF8.self)) }
            }
            var scratch: [UInt8] = []
            for needle in Set(needles + [""]).sorted() {
                let bytes = Array(needle.utf8)
                for equal in [false, true] {
                    let m = LedgerMatch(text, needle: bytes, equal: equal, view: view)
                    var wrong: [String] = []
                    for s in live {
                        if !equal && m.row(s, &scratch) != bytes.withUnsafeBufferPointer({ rows.contains(Int32(s), $0, b) }) {
                            wrong.append("row \(s)")
                        }
                        for k in columns.indices {
                            let f = field(k, s)
                            if m.field(k, s, &scratch) != LedgerMatch.test(bytes, equal, b, f.lowerBound, f.count) {
                                wrong.append("\(columns[k].id) of \(s)")
                            }
                        }
                    }
                    let same = wrong.isEmpty   // (not the whole list in the message)
                    #expect(same, "\(needle) \(equal ? "=" : "in"): \(wrong.count) wrong, first \(wrong.prefix(5))", sourceLocation: sourceLocation)
                }
            }
            let m = LedgerMatch(text, needle: [], equal: false, view: view)
            for s in live {
                #expect(m.rowPlain(s) == rows.ascii[s], "row \(s)", sourceLocation: sourceLocation)
                for k in columns.indices {
                    let plain = !b[field(k, s)].contains { $0 < 0x20 || $0 >= 0x7F }
                    #expect(m.fieldPlain(k, s) == plain, "\(columns[k].id) of \(s)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    static var odd: Case {
        var c = SyntheticCase.make(transfers: 1_500, seed: 8)
        // Names with Korean, capitals and a control character (VisibleText makes it visible).
        let someWallets = c.transfers.values.prefix(40).map(\.from).filter { c.wallets[$0] != nil }
        // (No label is the start of another: Swift orders "café 3" and "cafe\u{301} 32" in a way
        // no sort can follow consistently, which is not what these tests are about.)
        let labels = ["라자루스 지갑", "Hot\u{7}Wallet", "Café", "Cafe\u{301}", "CAFÉ"]
        for (i, id) in someWallets.enumerated() { c.wallets[id]!.label = "\(labels[i % labels.count]) n\(i)x" }
        for id in c.actors.keys { c.actors[id]!.name += " ÄÖ" }
        // Times that are not canonical (kept as written), an incident left empty, no USD.
        let odd = ["2018-06-19", "2018-06-19T10:00:00.5Z", "2018-06-19T10:00:00+09:00", "오늘\u{1b}[31m"]
        // Amounts negative, tiny (scale 20: too many decimals for 64 bits) and whole; USD with
        // fewer decimals than it shows.
        let amounts = ["-2.5", "0.00000000000000000001", "123456789.5", "7", "-0.000001234567"].map { ExactDecimal($0)! }
        let usds = ["3", "1234567.5", "-10"].map { ExactDecimal($0)! }
        for (i, id) in c.transfers.keys.sorted().prefix(60).enumerated() {
            if i % 3 == 0 { c.transfers[id]!.time = odd[i / 3 % odd.count] }
            if i % 5 == 0 { c.transfers[id]!.incident = nil }
            if i % 7 == 0 { c.transfers[id]!.usd = nil }
            if i % 4 == 1 { c.transfers[id]!.amount = amounts[i / 4 % amounts.count] }
            if i % 6 == 2 { c.transfers[id]!.usd = usds[i / 6 % usds.count] }
        }
        return c
    }

    @Test("every row and field answers as the row-by-row text does, on the demo case and a generated one")
    func sameAsRowByRow() throws {
        try Self.expectSame(CaseView(Demo.content))
        try Self.expectSame(CaseView(Self.odd))
        // With the column cache's per-value texts made first (as the warm-up does), the ledger's
        // text lower-cases those: still the same answers.
        let warmed = CaseView(Self.odd)
        warmed.columnCache.warmLedgerTexts(warmed)
        #expect(warmed.columnCache.madeReferenceTexts(1) != nil)
        try Self.expectSame(warmed)
    }

    @Test("a filter keeps exactly the rows its definition keeps, names with \"…\", Korean and accents included")
    func filtersAsDefined() throws {
        let view = CaseView(Self.odd)
        view.searchText.warm(view)
        let columns = PaneKind.ledger.columns
        let index = view.indexes[.ledger]!
        for text in ["from:café", "to:cafe", "from:라자루스", "café", "from=\"café n2x\"", "to:…", "eth 0x", "from:upbit",
                     "incident:theft", "!from:eth", "kind=hop", "from:hot", "amount>100 from:btc", "time:2018-06-19", "ä",
                     "from=\"cafe\u{301} n3x\"", "to:é n"] {
            let query = try FilterQuery(text, columns: columns)
            let kept = query.matching(index.order, .ledger, view)
            let defined = index.order.filter { slot in
                let r = view.record(.ledger, index.ids[Int(slot)])!
                return query.terms.allSatisfy { FilterQuery.test($0, r, view, columns) != $0.negated }
            }
            #expect(kept == defined, "\(text): \(kept.count) kept, \(defined.count) by definition")
        }
    }

    @Test("sorting by time or kind with times not in the canonical form orders as the definitions do")
    func oddTimesSort() {
        LedgerFastPathTests.expectSortsAndFrequencies(CaseView(Self.odd))
    }

    @Test("the text patched after edits answers as the rows do: a wallet renamed, a new wallet named, times, amounts and kinds changed")
    func afterEdits() throws {
        var c = SyntheticCase.make(transfers: 2_000, seed: 9)
        var view = CaseView(c)
        view.searchText.warm(view)
        let editor = Editor(author: "t", time: "2026-11-22T12:00:00Z")
        let wallet = try #require(c.transfers.values.lazy.compactMap { c.wallets[$0.to] }.first)
        let some = c.transfers.keys.sorted().prefix(6)
        var edits = [
            try editor.set(field: "label", value: "박진혁 세탁 지갑", id: wallet.id, in: c),
            try editor.add(.wallet(Wallet(meta: RecordMeta(id: "wal-new", created: "2026-11-22T12:00:00Z"), chain: "BTC",
                                           address: "bc1qnewwallet0000", label: "New Mixer 라자루스")), in: c),
        ]
        func apply(_ e: Edit) throws {
            try c.apply(e)
            view.update(c, after: e.changes)
        }
        for e in edits { try apply(e) }
        edits = [
            try editor.set(field: "from", value: "wal-new", id: some[some.startIndex], in: c),
            try editor.set(field: "time", value: "2018-06-19", id: some[some.startIndex + 1], in: c),
            try editor.set(field: "amount", value: "0.000000000000000123", id: some[some.startIndex + 2], in: c),
            try editor.set(field: "kind", value: "mixer", id: some[some.startIndex + 3], in: c),
        ]
        for e in edits { try apply(e) }
        guard case .ledger(let patched) = view.searchText.table(for: .ledger, in: view) else {
            Issue.record("no ledger text")
            return
        }
        try Self.expectSame(view, text: patched)
        // And it finds the renamed and the new wallet's rows, and only them.
        var scratch: [UInt8] = []
        let index = view.indexes[.ledger]!
        for (needle, id) in [("박진혁 세탁", wallet.id), ("new mixer", "wal-new")] {
            let m = LedgerMatch(patched, needle: Array(needle.utf8), equal: false, view: view)
            let found = Set(index.order.filter { m.row(Int($0), &scratch) }.map { index.id($0) })
            let expected = Set(c.transfers.values.filter { $0.from == id || $0.to == id }.map(\.id))
            #expect(found == expected && !found.isEmpty, "\(needle)")
        }
    }
}

extension SearchTextLedgerTests {
    @Test("search in a sorted ledger lands on the first match in screen order, forward and backward")
    func searchInScreenOrder() throws {
        let c = SyntheticCase.make(transfers: 3_000, seed: 4)
        let s = Scenario(case: c, width: 120, height: 35)
        s.press("3", "l", "l", "l", "l", "O")   // sorted by amount, descending
        let view = try #require(s.state.view)
        let rows = SearchText.buildRows(.ledger, view)
        let slots = s.state.current.slots
        for needle in ["btc", "2018-0", "upbit", "0.5", "1234", "zzzz"] {
            let bytes = Array(needle.utf8)
            let origin = 100
            for forward in [true, false] {
                let expected = (0..<slots.count).lazy
                    .map { forward ? (origin + $0) % slots.count : ((origin - $0) % slots.count + slots.count) % slots.count }
                    .first { row in rows.bytes.withUnsafeBufferPointer { b in bytes.withUnsafeBufferPointer { rows.contains(slots[row], $0, b) } } }
                #expect(s.state.findRow(needle, from: origin, forward: forward) == expected, "\(needle) \(forward ? "forward" : "backward")")
            }
        }
    }
}
