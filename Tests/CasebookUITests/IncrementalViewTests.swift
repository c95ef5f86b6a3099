import CasebookModel
import CasebookUI
import Testing

// After any edit the screen must show what it would show had the case just been opened: the same
// rows in each pane (filtered and sorted), the same header totals, the same search hits, frequency
// sums and linked records. These tests make random edits (set a field, attribute, add, delete),
// follow each one incrementally, and compare with a view built afresh.

@Suite struct IncrementalViewTests {
    /// A small deterministic generator, so a failure replays from its seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomEdit(_ c: Case, _ rng: inout Seeded, step: Int) -> Edit? {
        let editor = Editor(author: "Tester", time: "2026-11-22T12:00:00Z")
        let transfers = c.transfers.keys.sorted(), incidents = c.incidents.keys.sorted()
        let actors = c.actors.keys.sorted(), wallets = c.wallets.keys.sorted()
        let parties = actors + wallets
        let amounts = ["1", "0.5", "12.125", "1000000", "3.10", "0.00000001", "250"]
        do {
            switch Int.random(in: 0..<13, using: &rng) {
            case 0: return try editor.set(field: "amount", value: amounts.randomElement(using: &rng)!, id: transfers.randomElement(using: &rng)!, in: c)
            case 1: return try editor.set(field: "time", value: "20\(Int.random(in: 10...25, using: &rng))-0\(Int.random(in: 1...9, using: &rng))-01T00:00:00Z", id: transfers.randomElement(using: &rng)!, in: c)
            case 2: return try editor.set(field: ["from", "to"].randomElement(using: &rng)!, value: parties.randomElement(using: &rng)!, id: transfers.randomElement(using: &rng)!, in: c)
            case 3: return try editor.set(field: "usd", value: amounts.randomElement(using: &rng)!, id: transfers.randomElement(using: &rng)!, in: c)
            case 4: return try editor.set(field: "name", value: ["Zed", "alpha", "박진혁", "Lazarus"].randomElement(using: &rng)!, id: actors.randomElement(using: &rng)!, in: c)
            case 5: return try editor.set(field: "title", value: "Retitled \(step)", id: incidents.randomElement(using: &rng)!, in: c)
            case 6: return try editor.set(field: "loss.USD", value: amounts.randomElement(using: &rng)!, id: incidents.randomElement(using: &rng)!, in: c)
            case 7: return try editor.attribute(ids: [incidents.randomElement(using: &rng)!], to: actors.randomElement(using: &rng)!,
                                                confidence: Int.random(in: 0...100, using: &rng), basis: nil, sources: [], in: c)
            case 8:
                var t = c.transfers[transfers.randomElement(using: &rng)!]!
                t.meta.id = "tx-added-\(step)"
                t.amount = ExactDecimal(amounts.randomElement(using: &rng)!)!
                return try editor.add(.transfer(t), in: c)
            case 9: return try editor.delete(ids: [transfers.randomElement(using: &rng)!], in: c)
            case 10: return try editor.set(field: "label", value: "Relabelled \(step)", id: wallets.randomElement(using: &rng)!, in: c)
            case 11: return try editor.attribute(ids: [wallets.randomElement(using: &rng)!], to: actors.randomElement(using: &rng)!,
                                                 confidence: Int.random(in: 0...100, using: &rng), basis: nil, sources: [], in: c)
            default: return try editor.delete(ids: [[incidents, actors].randomElement(using: &rng)!.randomElement(using: &rng)!], in: c)
            }
        } catch {
            return nil
        }
    }

    /// Panes with a filter and sorts, as a user might have set them up before editing.
    static func panes(_ view: CaseView) -> [PaneState] {
        var ledger = PaneState(kind: .ledger)
        ledger.setFilter(try? FilterQuery("!kind:swap", columns: PaneKind.ledger.columns), view)
        ledger.setSort(column: 4, descending: false, view)
        ledger.setSort(column: 1, descending: true, view)
        var incidents = PaneState(kind: .incidents)
        incidents.setSort(column: 5, descending: true, view)
        var actors = PaneState(kind: .actors)
        actors.setSort(column: 5, descending: true, view)
        return [incidents, actors, ledger]
    }

    static func expectSame(_ view: CaseView, _ panes: [PaneState], _ step: Int) {
        let fresh = CaseView(view.content)
        let label = Comment(rawValue: "after edit \(step)")
        #expect(view.baseRows == fresh.baseRows, label)
        #expect(view.totalLossUSD.formatted(minScale: 2) == fresh.totalLossUSD.formatted(minScale: 2), label)
        #expect(view.totalLossUSD.description == fresh.totalLossUSD.description, label)
        #expect(view.aggregateLossUSD.description == fresh.aggregateLossUSD.description, label)
        #expect(view.attributedLoss.mapValues(\.description) == fresh.attributedLoss.mapValues(\.description), label)
        for (p, again) in zip(panes, Self.panes(fresh)) {
            #expect(p.rows == again.rows, label)
            let column = p.kind == .ledger ? 1 : 0
            #expect(FrequencyTable(pane: p.kind, columnIndex: column, slots: p.slots, view: view)
                    == FrequencyTable(pane: p.kind, column: p.kind.columns[column], ids: Array(again.rows), view: fresh), label)
            var a = p, b = again
            for word in ["a", "btc", "0", "lazarus", "retitled", "박"] {
                a.setFilter(try? FilterQuery(word, columns: p.kind.columns), view)
                b.setFilter(try? FilterQuery(word, columns: p.kind.columns), fresh)
                #expect(a.rows == b.rows, label)
            }
        }
        // The ledger's slot arrays, kept in step with the edits, sort and group as a fresh view does.
        LedgerFastPathTests.expectSlotsMatch(view)
        LedgerFastPathTests.expectSortsAndFrequencies(view, against: fresh)
        for r in view.content.allRecords {
            let mine = view.content.links(of: r, index: view.links).map { "\($0.0) \($0.1.id)" }
            let theirs = fresh.content.links(of: r, index: fresh.links).map { "\($0.0) \($0.1.id)" }
            #expect(mine == theirs, label)
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomEditsShowWhatAFreshViewShows(seed: UInt64) throws {
        var rng = Seeded(state: seed)
        var content = Demo.content
        var view = CaseView(content)
        view.searchText.warm(view)
        var panes = Self.panes(view)
        for step in 0..<40 {
            guard let edit = Self.randomEdit(content, &rng, step: step) else { continue }
            try content.apply(edit)
            view.releaseContent()
            let change = view.update(content, after: edit.changes)
            for i in panes.indices {
                if let touched = change.touched[panes[i].kind] { panes[i].update(touched, view) }
            }
            Self.expectSame(view, panes, step)
        }
    }

    @Test func editsOnALargeCaseUseTheTwoCorePathsAndStillAgree() throws {
        var rng = Seeded(state: 99)
        var content = SyntheticCase.make(transfers: 25_000)
        var view = CaseView(content)
        var panes = Self.panes(view)
        for step in 0..<3 {
            guard let edit = Self.randomEdit(content, &rng, step: step) else { continue }
            try content.apply(edit)
            let change = view.update(content, after: edit.changes)
            for i in panes.indices {
                if let touched = change.touched[panes[i].kind] { panes[i].update(touched, view) }
            }
        }
        let fresh = CaseView(content)
        for (p, again) in zip(panes, Self.panes(fresh)) { #expect(p.rows == again.rows) }
        #expect(view.totalLossUSD.description == fresh.totalLossUSD.description)
        LedgerFastPathTests.expectSlotsMatch(view)
        LedgerFastPathTests.expectSortsAndFrequencies(view, against: fresh)
    }
}
