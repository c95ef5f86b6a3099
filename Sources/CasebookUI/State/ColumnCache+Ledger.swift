import CasebookModel
import Foundation

// The ledger's fast paths, from LedgerSlots instead of one record lookup per row:
// - numbers of Amount and USD read from the units and scales;
// - a referencing column (From, To, Incident, Asset) shows text that depends on the value it
//   names alone (Column.referenceText), so its text is made once per value (`ReferenceTexts`)
//   and groups and sort ranks are per value, then spread to the rows through the Int32s;
// - a number column's ranks sort integer keys (the numbers at their common scale; RankSorts);
// - the time's ranks are one walk along the ledger's natural order, which is by time already.
// Each gives the same numbers, groups and order as the general path (tests compare them).

extension ColumnCache {
    /// A referencing column's text per interned value.
    struct ReferenceTexts: Sendable {
        /// Per interned value, the text of the rows naming it (a value no row names any more is
        /// still there, unused: its group counts nothing and its rank no row).
        var texts: [String?]
        /// The text of rows naming nothing.
        var none: String?
    }

    static func ledgerNumbers(_ column: Int, _ view: CaseView) -> NumberColumn? {
        let c = PaneKind.ledger.columns[column]
        guard c.number != nil, let n = view.ledgerSlots.numbers(c.id) else { return nil }
        return NumberColumn(units: n.units, scale: n.scale, count: view.indexes[.ledger]!.ids.count)
    }

    static func referenceTexts(_ entry: inout Entry, _ column: Int, _ view: CaseView) -> ReferenceTexts? {
        let c = PaneKind.ledger.columns[column]
        if let done = entry.referenceTexts[c.referenceSpace] { return done }
        guard let text = c.referenceText, let names = view.ledgerSlots.values(c.id) else { return nil }
        var texts = [String?](repeating: nil, count: names.count)
        texts.withUnsafeMutableBufferPointer { out in
            ParallelSort.halves(names.count) { range, _ in
                for i in range { out[i] = text(names[i], view) }
            }
        }
        let made = ReferenceTexts(texts: texts, none: text(nil, view))
        entry.referenceTexts[c.referenceSpace] = made
        return made
    }

    /// After an edit: the texts of the values the changed rows name, made again. A value whose
    /// text changes (a wallet renamed, added or deleted) has every row naming it among the
    /// changed ones (CaseView.update), and a value first named by an edit is named by one of them.
    static func patchReferenceTexts(_ entry: inout Entry, _ changed: [Int32], _ view: CaseView) {
        let columns = PaneKind.ledger.columns
        for (space, var rt) in entry.referenceTexts {
            entry.referenceTexts[space] = nil   // let go of the stored copy so the patch is in place
            let named = columns.filter { $0.reference != nil && $0.referenceSpace == space }
            guard let text = named.first?.referenceText, let names = view.ledgerSlots.values(named[0].id) else { continue }
            while rt.texts.count < names.count { rt.texts.append(nil) }
            for c in named {
                guard let refs = view.ledgerSlots.references(c.id) else { continue }
                for slot in changed where Int(slot) < refs.of.count {
                    let v = Int(refs.of[Int(slot)])
                    if v >= 0 { rt.texts[v] = text(names[v], view) }
                }
            }
            rt.none = text(nil, view)
            entry.referenceTexts[space] = rt
        }
    }

    /// Makes the per-value texts and groups of the ledger's referencing columns now (the
    /// loader's warm-up, after the case is shown), so the first sort or frequency by From or To
    /// does not name and group a few hundred thousand wallets while the investigator waits; and
    /// the sort ranks of its number columns (ranking a million amounts takes about 0.3 s).
    func warmLedgerTexts(_ view: CaseView) {
        let columns = PaneKind.ledger.columns
        for k in columns.indices where columns[k].referenceText != nil {
            withEntry(.ledger) { entry in
                guard entry.groups[k] == nil, let g = Self.ledgerGroups(&entry, k, view) else { return }
                entry.groups[k] = g
            }
        }
        for k in columns.indices where columns[k].number != nil && columns[k].numberText != nil { _ = ranks(.ledger, k, view) }
    }

    /// Groups of a referencing column whose group is its text, or of the raw asset.
    static func ledgerGroups(_ entry: inout Entry, _ column: Int, _ view: CaseView) -> Groups? {
        let slots = view.ledgerSlots
        let n = view.indexes[.ledger]!.ids.count
        if column == rawAsset {
            var g = slots.assets
            g.of = (0..<n).map { $0 < slots.asset.count ? slots.asset[$0] : -1 }
            return g
        }
        let c = PaneKind.ledger.columns[column]
        guard c.groupIsText, let refs = slots.references(c.id), let rt = referenceTexts(&entry, column, view) else { return nil }
        let index = view.indexes[.ledger]!
        // Values with equal texts share a group: found by sorting the texts (TextRanks, exact
        // case) rather than hashing them, which for a few hundred thousand non-ASCII wallet
        // names is the slower; the groups then come in value order. "" sorts as empty (rank
        // `count`) but is a group like any other.
        var g = Groups()
        let all = rt.texts + [rt.none]
        let (rank, count) = TextRanks.make(all, lowered: false)
        let hasEmpty = all.contains { $0?.isEmpty == true }
        g.names = [String](repeating: "", count: Int(count) + (hasEmpty ? 1 : 0))
        var filled = [Bool](repeating: false, count: g.names.count)
        let groupOf: [Int32] = all.indices.map { i in
            guard let text = all[i] else { return -1 }
            let r = Int(rank[i])
            if !filled[r] { g.names[r] = text; filled[r] = true }
            return Int32(r)
        }
        g.sorted = true
        let byValue = Array(groupOf.dropLast()), none = groupOf.last ?? -1
        g.of = [Int32](repeating: -1, count: n)
        g.of.withUnsafeMutableBufferPointer { out in
            refs.of.withUnsafeBufferPointer { of in
                for s in 0..<min(n, of.count) {
                    let r = of[s]
                    out[s] = r >= 0 ? byValue[Int(r)] : index.ids[s].isEmpty ? -1 : none
                }
            }
        }
        return g
    }

    /// Sort ranks of a ledger column from LedgerSlots, or nil for the general path.
    static func ledgerRanks(_ entry: inout Entry, _ column: Int, _ view: CaseView) -> Ranks? {
        let c = PaneKind.ledger.columns[column]
        guard !c.customSort else { return nil }
        let n = view.indexes[.ledger]!.ids.count
        // A number column that shows its number or nothing: rows without one sort as empty.
        if c.number != nil, c.numberText != nil, let nums = view.ledgerSlots.numbers(c.id) {
            return NumberRanks.make(units: nums.units, scale: nums.scale, count: n)
        }
        if c.id == "time" || c.id == "kind" { return timeOrKindRanks(c.id, view) }
        guard c.number == nil, let refs = view.ledgerSlots.references(c.id),
              let rt = referenceTexts(&entry, column, view) else { return nil }
        let index = view.indexes[.ledger]!
        // The texts as the search text holds them (lower-cased), ranked once per value; the
        // rows naming nothing are value `refs.count`.
        let (rankOf, count) = TextRanks.make(rt.texts + [rt.none])
        var out = [UInt32](repeating: count, count: n)
        refs.of.withUnsafeBufferPointer { of in
            for s in 0..<min(n, of.count) {
                let r = Int(of[s])
                out[s] = r >= 0 ? rankOf[r] : index.ids[s].isEmpty ? count : rankOf[refs.count]
            }
        }
        return Ranks(of: out, count: count)
    }

    /// Ranks of the time or kind column from LedgerSlots: times by their packed keys (canonical
    /// times order as their texts do; nil, for the general path, when any is not canonical),
    /// kinds by their lower-cased names. The ledger keeps no row texts to rank them by.
    static func timeOrKindRanks(_ id: String, _ view: CaseView) -> Ranks? {
        let slots = view.ledgerSlots
        let ids = view.indexes[.ledger]!.ids
        let n = ids.count
        if id == "kind" {
            let (rankOf, count) = TextRanks.make(TransferKind.allCases.map(\.rawValue))
            let out = (0..<n).map { s in ids[s].isEmpty || s >= slots.kind.count ? count : rankOf[Int(slots.kind[s])] }
            return Ranks(of: out, count: count)
        }
        // The ledger's natural order is by time already: ranks are one walk along it (no sort,
        // and no 30 MB of sort items at a million rows). A key out of order (or a time not in
        // the canonical form) leaves it to the general path.
        let order = view.indexes[.ledger]!.order
        var out = [UInt32](repeating: 0, count: n)
        var rank: UInt32 = 0, last: UInt64?
        for slot in order {
            let s = Int(slot)
            guard s < slots.timeKey.count else { return nil }
            let key = slots.timeKey[s]
            guard key & 1 == 0 else { return nil }
            if let last {
                guard key >= last else { return nil }
                if key != last { rank += 1 }
            }
            last = key
            out[s] = rank
        }
        let count = last == nil ? 0 : rank + 1
        var placed = [Bool](repeating: false, count: n)
        for slot in order where Int(slot) < n { placed[Int(slot)] = true }
        for s in 0..<n where !placed[s] { out[s] = count }
        return Ranks(of: out, count: count)
    }
}
