import CasebookModel
import Dispatch
import Synchronization

// The ledger's search text for a million rows. The general build looks each row's record up by
// id, runs every column's closure, and names the wallets at each end through a per-thread table
// keyed by id: about 7 s at a million transfers. Here:
// - the columns that name a record (From, To, Asset, Incident) take their text from per-value
//   texts (ColumnCache.ReferenceTexts, one per wallet, made once on both cores), lower-cased once
//   per value into one buffer (a wallet's name has a "…", so lower-casing it is a Unicode
//   `lowercased()`, which per row was a quarter of the time), found through LedgerSlots'
//   interned numbers;
// - the time, amount, USD and kind are written straight from the record, read in place (a
//   packed time needs no String at all);
// - the loop over the columns reads small per-column codes, not the Column values themselves
//   (copying one retains each of its closures and Strings: per row and column, that was another
//   quarter).
// Any other column still runs its closure. The bytes are exactly the general build's (a test
// compares them).

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
        // Taken from the column cache when a sort or frequency view has made them, else made
        // here (never waiting for the cache: a sort can build this table while it holds the lock).
        var scratch = ColumnCache.Entry()
        for (k, c) in columns.enumerated() {
            guard c.reference != nil else { named.append(nil); continue }
            guard let refs = slots.references(c.id),
                  let texts = view.columnCache.madeReferenceTexts(k) ?? ColumnCache.referenceTexts(&scratch, k, view) else { return nil }
            named.append((refs.of, texts))
        }
        let transfers = view.content.transfers
        let lowered = LoweredValues(named.map { $0?.texts })
        // What each column is, as a small code (see the top of the file).
        let codes: [UInt8] = columns.indices.map { k in
            if named[k] != nil { return 3 }
            let c = columns[k]
            switch c.id {
            case "time": return 0
            case "amount" where c.numberText != nil: return 1
            case "usd" where c.numberText != nil: return 2
            case "kind": return 4
            default: return 5
            }
        }
        let minScales = columns.map { $0.numberText ?? 0 }
        let namedOf = named.map { $0?.of ?? [] }
        let namedColumn = (0..<columns.count).map { k in named[..<k].filter { $0 != nil }.count }
        var kindText: [[UInt8]] = []
        for kind in TransferKind.allCases {
            var b: [UInt8] = []
            _ = appendLowered(kind.rawValue, to: &b)
            kindText.append(b)
        }
        let kinds = kindText
        let pieces = Mutex<[Int: Table]>([:])
        ParallelSort.halves(ids.count) { range, part in
            var t = Table()
            t.bytes.reserveCapacity(min(range.count, sampleRows) * 160)
            t.start.reserveCapacity(range.count)
            t.length.reserveCapacity(range.count)
            t.ascii.reserveCapacity(range.count)
            transfers.values.withUnsafeBufferPointer { records in
                lowered.bytes.withUnsafeBufferPointer { lb in
                    for s in range {
                        if s == range.lowerBound + sampleRows { t.reserveAhead(rows: range.count, then: part == 0 ? ids.count - range.count : 0) }
                        let before = t.bytes.count
                        var ascii = true
                        if !ids[s].isEmpty, let place = transfers.index(forKey: ids[s]) {
                            for k in codes.indices {
                                if k > 0 { t.bytes.append(1) }
                                switch codes[k] {
                                case 0 where records[place].packedTime.sortKey & 1 == 0:
                                    // Canonical: digits and separators, with T and Z lower-cased.
                                    records[place].packedTime.withUTF8 { b in
                                        for byte in b { t.bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
                                    }
                                case 1:
                                    records[place].amount.appendFormatted(minScale: minScales[k], to: &t.bytes)
                                case 2:
                                    records[place].usd?.appendFormatted(minScale: minScales[k], to: &t.bytes)
                                case 3:
                                    let of = namedOf[k]
                                    let v = s < of.count ? Int(of[s]) : -1
                                    let i = lowered.index(column: namedColumn[k], value: v)
                                    t.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: lb[lowered.start[i]..<lowered.start[i + 1]]))
                                    if !lowered.plain[i] { ascii = false }
                                case 4:
                                    t.bytes.append(contentsOf: kinds[TransferKind.allCases.firstIndex(of: records[place].kind)!])
                                default:
                                    if !appendLowered(columns[k].text(.transfer(records[place]), view), to: &t.bytes) { ascii = false }
                                }
                            }
                        }
                        t.start.append(before)
                        t.length.append(Int32(t.bytes.count - before))
                        t.ascii.append(ascii)
                    }
                }
            }
            pieces.withLock { $0[part] = t }
        }
        return joined(pieces)
    }
}

/// The per-value texts of the ledger's naming columns, lower-cased once each into one buffer:
/// value `v` of naming column `n` is `bytes[start[i]..<start[i + 1]]` for `i = index(n, v)`;
/// one past a column's values is its rows naming nothing.
struct LoweredValues: Sendable {
    var bytes: [UInt8] = []
    var start: [Int] = [0]
    var plain: [Bool] = []
    /// Where each naming column's values begin in `start`.
    private var first: [Int] = []
    private var counts: [Int] = []

    init(_ columns: [ColumnCache.ReferenceTexts?]) {
        let texts = columns.compactMap { $0 }
        // Each column's texts on their own thread, then put one after another.
        let parts = Mutex([Int: (bytes: [UInt8], ends: [Int], plain: [Bool])]())
        DispatchQueue.concurrentPerform(iterations: texts.count) { n in
            var bytes: [UInt8] = [], ends: [Int] = [], plain: [Bool] = []
            for text in texts[n].texts + [texts[n].none] {
                plain.append(SearchText.appendLowered(text ?? "", to: &bytes))
                ends.append(bytes.count)
            }
            parts.withLock { $0[n] = (bytes, ends, plain) }
        }
        // Each part let go of as soon as it is appended, so the parts and the whole are not all
        // held at once.
        var made = parts.withLock { p in let all = p; p = [:]; return all }
        bytes.reserveCapacity(made.values.reduce(0) { $0 + $1.bytes.count })
        for n in texts.indices {
            let (b, ends, p) = made.removeValue(forKey: n)!
            let offset = bytes.count
            first.append(start.count - 1)
            counts.append(texts[n].texts.count)
            bytes.append(contentsOf: b)
            start.append(contentsOf: ends.map { $0 + offset })
            plain.append(contentsOf: p)
        }
    }

    /// The entry of value `v` (-1 or out of range: the column's "names nothing").
    @inline(__always) func index(column n: Int, value v: Int) -> Int {
        first[n] + (v >= 0 && v < counts[n] ? v : counts[n])
    }
}
