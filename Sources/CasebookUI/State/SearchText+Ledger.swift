import CasebookModel
import Synchronization

// The ledger's search text for a million rows. The general build looks each row's record up by
// id, runs every column's closure, and names the wallets at each end through a per-thread table
// keyed by id: about 7 s at a million transfers. Here the columns that name a record (From, To,
// Asset, Incident) take their text from per-value texts (ColumnCache.ReferenceTexts, one per
// wallet, made once on both cores), found through LedgerSlots' interned numbers; the other
// columns still come from the record, read in place.
// The bytes are exactly the general build's (a test compares them).

extension SearchText {
    /// The ledger's table, or nil when a referencing column has no per-value texts (then the
    /// general build runs).
    static func buildLedger(_ view: CaseView) -> Table? {
        let index = view.indexes[.ledger]!
        let ids = index.ids
        let columns = PaneKind.ledger.columns
        let slots = view.ledgerSlots
        // Per column: the interned value of each slot and the value's text, or nil for a
        // column that does not name a record.
        var named: [(of: [Int32], texts: ColumnCache.ReferenceTexts)?] = []
        // Made here rather than taken from the column cache: a sort can build this table while
        // it holds the cache's lock.
        var scratch = ColumnCache.Entry()
        for (k, c) in columns.enumerated() {
            guard c.reference != nil else { named.append(nil); continue }
            guard let refs = slots.references(c.id), let texts = ColumnCache.referenceTexts(&scratch, k, view) else { return nil }
            named.append((refs.of, texts))
        }
        let transfers = view.content.transfers
        let pieces = Mutex<[Int: Table]>([:])
        ParallelSort.halves(ids.count) { range, part in
            var t = Table()
            t.bytes.reserveCapacity(min(range.count, sampleRows) * 160)
            t.start.reserveCapacity(range.count)
            t.length.reserveCapacity(range.count)
            t.ascii.reserveCapacity(range.count)
            transfers.values.withUnsafeBufferPointer { records in
                for s in range {
                    if s == range.lowerBound + sampleRows { t.reserveAhead(rows: range.count, then: part == 0 ? ids.count - range.count : 0) }
                    let before = t.bytes.count
                    var ascii = true
                    if !ids[s].isEmpty, let place = transfers.index(forKey: ids[s]) {
                        let record = AnyRecord.transfer(records[place])
                        for (k, c) in columns.enumerated() {
                            if k > 0 { t.bytes.append(1) }
                            if let minScale = c.numberText, let number = c.number {
                                number(record, view)?.appendFormatted(minScale: minScale, to: &t.bytes)
                            } else if let (of, texts) = named[k] {
                                let v = s < of.count ? Int(of[s]) : -1
                                let text = v >= 0 && v < texts.texts.count ? texts.texts[v] : texts.none
                                if !appendLowered(text ?? "", to: &t.bytes) { ascii = false }
                            } else if !appendLowered(c.text(record, view), to: &t.bytes) {
                                ascii = false
                            }
                        }
                    }
                    t.start.append(before)
                    t.length.append(Int32(t.bytes.count - before))
                    t.ascii.append(ascii)
                }
            }
            pieces.withLock { $0[part] = t }
        }
        return joined(pieces)
    }
}
