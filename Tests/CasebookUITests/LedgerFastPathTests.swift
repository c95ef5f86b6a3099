import CasebookModel
@testable import CasebookUI
import Testing

// The ledger's sort and frequency read LedgerSlots (integer arrays per slot) instead of the
// records. Here they are compared with the plain definitions on a case built for ties: equal
// amounts at different scales, wallets sharing a name, names that differ only past their first
// bytes, names equal only once normalized ("é" written as one scalar or as "e" and a mark),
// rows with no USD and rows with no incident, and many transfers at the same time. The case is
// big enough for the two-core paths.

@Suite struct LedgerFastPathTests {
    static let tied: Case = {
        var c = SyntheticCase.make(transfers: 24_000, seed: 7)
        let wallets = c.wallets.keys.sorted()
        let labels = ["Café", "Cafe\u{301}", "café", "ETH 0xc23ede…5994be", "ETH 0xc23ede…5994bf", "ETH 0xc23edf", "Zed", "zed", "", "박진혁"]
        for (i, id) in wallets.prefix(400).enumerated() { c.wallets[id]!.label = labels[i % labels.count] }
        let amounts = ["1.5", "1.50", "1.500000000000000000", "0", "-2", "1000000", "0.000000000000000001"].map { ExactDecimal($0)! }
        for (i, id) in c.transfers.keys.sorted().enumerated() where i % 3 == 0 {
            c.transfers[id]!.amount = amounts[i % amounts.count]
            if i % 2 == 0 { c.transfers[id]!.usd = nil }
            if i % 5 == 0 { c.transfers[id]!.incident = nil }
            if i % 11 == 0 { c.transfers[id]!.time = "2019-05-05T05:05:05Z" }   // equal times share a rank
        }
        return c
    }()

    /// The rows a stable sort by `Column.sort` gives (empty values last in both directions).
    static func reference(_ view: CaseView, column k: Int, descending: Bool) -> [String] {
        let column = PaneKind.ledger.columns[k]
        let index = view.indexes[.ledger]!
        let rows = index.order.map { index.id($0) }
        let keyed = rows.enumerated().map { (i, id) in (i, id, column.sort(view.record(.ledger, id)!, view)) }
        return keyed.sorted { a, b in
            if a.2 != b.2 {
                if a.2 == .empty { return false }
                if b.2 == .empty { return true }
                if descending ? b.2 < a.2 : a.2 < b.2 { return true }
                if descending ? a.2 < b.2 : b.2 < a.2 { return false }
            }
            return a.0 < b.0
        }.map(\.1)
    }

    static func expectSortsAndFrequencies(_ view: CaseView, against fresh: CaseView? = nil) {
        let other = fresh ?? view
        for k in PaneKind.ledger.columns.indices {
            for descending in [false, true] {
                var pane = PaneState(kind: .ledger)
                pane.setSort(column: k, descending: descending, view)
                #expect(pane.rows == reference(other, column: k, descending: descending), "column \(k) descending \(descending)")
            }
            var pane = PaneState(kind: .ledger)
            pane.refresh(view)
            var again = PaneState(kind: .ledger)
            again.refresh(other)
            #expect(FrequencyTable(pane: .ledger, columnIndex: k, slots: pane.slots, view: view)
                    == FrequencyTable(pane: .ledger, column: PaneKind.ledger.columns[k], ids: Array(again.rows), view: other), "column \(k)")
        }
    }

    @Test func sortAndFrequencyMatchTheirDefinitions() {
        let view = CaseView(Self.tied)
        Self.expectSortsAndFrequencies(view)
    }

    @Test func ledgerSlotsHoldWhatTheTransfersSay() {
        let view = CaseView(Self.tied)
        Self.expectSlotsMatch(view)
    }

    /// Every live slot's numbers and named values are those of its transfer.
    static func expectSlotsMatch(_ view: CaseView) {
        let index = view.indexes[.ledger]!
        let s = view.ledgerSlots
        for slot in index.order {
            let t = view.content.transfers[index.id(slot)]!
            let i = Int(slot)
            #expect(LedgerSlots.number(s.numbers("amount")!, i) == t.amount && s.amountScale[i] == UInt8(t.amount.scale))
            #expect(LedgerSlots.number(s.numbers("usd")!, i)?.description == t.usd?.description)
            #expect(s.values("from")![Int(s.from[i])] == t.from && s.values("to")![Int(s.to[i])] == t.to)
            #expect(s.values("asset")![Int(s.asset[i])] == t.asset)
            #expect((s.incident[i] < 0 ? nil : s.values("incident")![Int(s.incident[i])]) == t.incident)
            #expect(s.timeKey[i] == t.packedTime.sortKey && TransferKind.allCases[Int(s.kind[i])] == t.kind)
        }
    }

    @Test func prefixKeysOrderAsStringsDo() {
        let texts = ["", "a", "ab", "abc", "ab\u{301}", "abé", "ETH 0xc23ede…5994be", "ETH 0xc23ede…", "ETH 0xc23ede", "ETH 0xc23ed",
                     "0123456789abcdef", "0123456789abcdefg", "0123456789abcdef\u{301}", "0123456789abcdeg", "Zed", "zed", "박", "e\u{301}x", "éx", "ex", "e", "BTC bc1q6ytk…v30892", "BTC bc1q6ytm…v30892", "a\u{301}", "á"]
        for a in texts {
            for b in texts {
                if let decided = PrefixKey.decide(PrefixKey(a), PrefixKey(b)) { #expect(decided == (a < b), "\(a) \(b)") }
                #expect(PrefixKey.less(a, b) == (a < b), "\(a) \(b)")
            }
        }
    }
}
