import CasebookModel
import Foundation

// Dense ranks (equal values share one, empty values get `count`) made by sorting flat items on
// both cores, for the ledger's fast paths (ColumnCache+Ledger).
//
// Numbers: each at the column's common scale is a 128-bit integer; with the sign bit flipped
// its unsigned order is the numbers' order, so the sort compares integers only: the top 64 bits
// in which the keys differ, and the whole keys where those tie. If a number does not fit at the
// common scale there is no exact key: the caller takes the general path.
//
// Texts: the lower-cased text as the search text writes it, keyed by its PrefixKey; texts the
// keys do not tell apart compare in full, bytes when both are printable ASCII and Strings
// otherwise, as ColumnRanks does per row.

enum NumberRanks {
    static let powersOfTen: [Int128] = (0...38).map { n in (0..<n).reduce(Int128(1)) { r, _ in r * 10 } }

    /// The top 64 bits that differ among the keys, and the slot: 16 bytes rather than the 32 a
    /// whole 128-bit key makes (with the sort's buffers, 40 MB rather than 80 at a million rows,
    /// which was the peak of a session's first seconds). Keys equal in these bits are compared
    /// whole, made again from the units.
    struct Item { var prefix: UInt64; var slot: Int32 }

    static func make(units: [Int128], scale: [UInt8], count n: Int) -> ColumnCache.Ranks? {
        let m = min(n, scale.count)
        var top = 0
        for s in 0..<m where scale[s] != LedgerSlots.noNumber { top = max(top, Int(scale[s])) }
        // Each key at the common scale, sign bit flipped (unsigned order is the numbers' order).
        func key(_ s: Int) -> UInt128? {
            let (u, overflow) = units[s].multipliedReportingOverflow(by: powersOfTen[top - Int(scale[s])])
            return overflow ? nil : UInt128(bitPattern: u) ^ (1 << 127)
        }
        var low = UInt128.max, high = UInt128.min, live = 0
        for s in 0..<m where scale[s] != LedgerSlots.noNumber {
            guard let k = key(s) else { return nil }
            low = min(low, k)
            high = max(high, k)
            live += 1
        }
        let shift = live == 0 ? 0 : max(0, (high - low).bitWidth - (high - low).leadingZeroBitCount - 64)
        var items: [Item] = []
        items.reserveCapacity(live)
        for s in 0..<m where scale[s] != LedgerSlots.noNumber {
            items.append(Item(prefix: UInt64((key(s)! - low) >> shift), slot: Int32(s)))
        }
        func less(_ a: Item, _ b: Item) -> Bool {
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let ka = key(Int(a.slot))!, kb = key(Int(b.slot))!
            return ka != kb ? ka < kb : a.slot < b.slot
        }
        ParallelSort.sortItems(&items, by: less)
        var out = [UInt32](repeating: 0, count: n)
        var rank: UInt32 = 0
        for i in items.indices {
            if i > 0 && (items[i - 1].prefix != items[i].prefix || key(Int(items[i - 1].slot)) != key(Int(items[i].slot))) { rank += 1 }
            out[Int(items[i].slot)] = rank
        }
        let count = items.isEmpty ? 0 : rank + 1
        for s in 0..<n where s >= m || scale[s] == LedgerSlots.noNumber { out[s] = count }
        return ColumnCache.Ranks(of: out, count: count)
    }
}

enum TextRanks {
    struct Item { var key: PrefixKey; var value: Int32 }

    /// Ranks of `texts` (nil and "" are empty: rank `count`), compared lower-cased (as the
    /// search text holds them) or, when not `lowered`, as they are.
    static func make(_ texts: [String?], lowered: Bool = true) -> (ranks: [UInt32], count: UInt32) {
        var bytes: [UInt8] = []
        var fields = [Range<Int>](repeating: 0..<0, count: texts.count)
        var plain = [Bool](repeating: true, count: texts.count)
        var items: [Item] = []
        for (i, t) in texts.enumerated() {
            guard let t, !t.isEmpty else { continue }
            let before = bytes.count
            if lowered {
                plain[i] = SearchText.appendLowered(t, to: &bytes)
            } else {
                bytes.append(contentsOf: t.utf8)
                plain[i] = !bytes[before...].contains { $0 >= 0x7F || $0 < 0x20 }
            }
            fields[i] = before..<bytes.count
            items.append(Item(key: PrefixKey(), value: Int32(i)))
        }
        var out = [UInt32](repeating: 0, count: texts.count)
        var rank: UInt32 = 0
        bytes.withUnsafeBufferPointer { b in
            for j in items.indices {
                let i = Int(items[j].value)
                items[j].key = PrefixKey(UnsafeBufferPointer(rebasing: b[fields[i]]))
            }
            func less(_ x: Item, _ y: Item) -> Bool {
                if let decided = PrefixKey.decide(x.key, y.key) { return decided }
                let a = Int(x.value), c = Int(y.value)
                let fa = fields[a], fc = fields[c]
                if plain[a] && plain[c] {
                    let r = memcmp(b.baseAddress! + fa.lowerBound, b.baseAddress! + fc.lowerBound, min(fa.count, fc.count))
                    return r != 0 ? r < 0 : fa.count < fc.count
                }
                if let decided = PrefixKey.decide(UnsafeBufferPointer(rebasing: b[fa]), UnsafeBufferPointer(rebasing: b[fc])) { return decided }
                return String(decoding: b[fa], as: UTF8.self) < String(decoding: b[fc], as: UTF8.self)
            }
            ParallelSort.sortItems(&items, by: less)
            for j in items.indices {
                if j > 0 && less(items[j - 1], items[j]) { rank += 1 }
                out[Int(items[j].value)] = rank
            }
        }
        let count = items.isEmpty ? 0 : rank + 1
        for (i, t) in texts.enumerated() where t?.isEmpty ?? true { out[i] = count }
        return (out, count)
    }
}
