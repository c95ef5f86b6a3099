import CasebookModel
import Foundation

// Sort ranks of one column (see ColumnCache for why). Each slot gets a category (number, text,
// empty: the SortValue order) and a key that decides when it is exact; otherwise the values are
// compared as SortValue compares them. Rows are sorted once by that order and numbered, equal
// values sharing a number.

extension ColumnCache {
    static func makeRanks(_ pane: PaneKind, _ column: Int, _ view: CaseView, _ nums: NumberColumn?) -> Ranks {
        let index = view.indexes[pane]!
        let n = index.ids.count
        let c = pane.columns[column]
        if c.customSort { return customRanks(pane, c, view) }
        // A column whose every row has a number needs no text (nor to wait for the search text).
        let allNumbers = nums.map { nums in (0..<n).allSatisfy { index.ids[$0].isEmpty || nums[$0] != nil } } ?? false
        let (table, k) = allNumbers ? (SearchText.Table(), 0) : view.searchText.column(column, for: pane, in: view)
        // Category: 0 number, 1 text, 2 empty or free.
        var cat = [UInt8](repeating: 2, count: n)
        var key = [UInt128](repeating: 0, count: n)
        var fields = [Range<Int>](repeating: 0..<0, count: n)
        // Numbers at their common scale, if every one fits; else numbers compare as ExactDecimal.
        var scale = 0
        if let nums { for s in 0..<nums.count { if let v = nums[s] { scale = max(scale, v.scale) } } }
        var numbersExact = true
        table.bytes.withUnsafeBufferPointer { b in
            for s in 0..<n where !index.ids[s].isEmpty {
                if let v = nums?[s] {
                    cat[s] = 0
                    if let u = v.rescaled(to: scale)?.units { key[s] = UInt128(bitPattern: u) ^ (1 << 127) } else { numbersExact = false }
                    continue
                }
                guard s < table.start.count else { continue }
                let f = field(k, of: s, table, b)
                fields[s] = f
                guard !f.isEmpty else { continue }
                cat[s] = 1
                key[s] = table.ascii[s] ? prefixKey(b, f) : 1
            }
        }
        let (ranks, count): ([UInt32], UInt32) = table.bytes.withUnsafeBufferPointer { b in
            cat.withUnsafeBufferPointer { cat in
                key.withUnsafeBufferPointer { key in
                    func text(_ s: Int) -> String { String(decoding: b[fields[s]], as: UTF8.self) }
                    func less(_ x: Int32, _ y: Int32) -> Bool {
                        let a = Int(x), b2 = Int(y)
                        if cat[a] != cat[b2] { return cat[a] < cat[b2] }
                        switch cat[a] {
                        case 0:
                            return numbersExact ? key[a] < key[b2] : nums![a]! < nums![b2]!
                        case 1:
                            if key[a] != key[b2] && key[a] & 1 == 0 && key[b2] & 1 == 0 { return key[a] < key[b2] }
                            if table.ascii[a] && table.ascii[b2] {
                                let fa = fields[a], fb = fields[b2]
                                let m = min(fa.count, fb.count)
                                let r = memcmp(b.baseAddress! + fa.lowerBound, b.baseAddress! + fb.lowerBound, m)
                                return r != 0 ? r < 0 : fa.count < fb.count
                            }
                            return text(a) < text(b2)
                        default:
                            return false
                        }
                    }
                    let live = (0..<Int32(n)).filter { cat[Int($0)] != 2 }
                    var sorted = live
                    ParallelSort.sort(&sorted, by: less)
                    var out = [UInt32](repeating: 0, count: n)
                    var rank: UInt32 = 0
                    for (i, s) in sorted.enumerated() {
                        if i > 0 && less(sorted[i - 1], s) { rank += 1 }
                        out[Int(s)] = rank
                    }
                    let count = sorted.isEmpty ? 0 : rank + 1
                    for s in 0..<n where cat[s] == 2 { out[s] = count }
                    return (out, count)
                }
            }
        }
        return Ranks(of: ranks, count: count)
    }

    /// Columns with their own sort (the attribution's confidence): SortValues compared directly.
    static func customRanks(_ pane: PaneKind, _ c: Column, _ view: CaseView) -> Ranks {
        let index = view.indexes[pane]!
        let values: [SortValue] = index.ids.map { id in id.isEmpty ? .empty : view.record(pane, id).map { c.sort($0, view) } ?? .empty }
        let order = values.indices.filter { values[$0] != .empty }.sorted { values[$0] < values[$1] }
        var out = [UInt32](repeating: 0, count: values.count)
        var rank: UInt32 = 0
        for (i, s) in order.enumerated() {
            if i > 0 && values[order[i - 1]] != values[s] { rank += 1 }
            out[s] = rank
        }
        let count = order.isEmpty ? 0 : rank + 1
        for s in values.indices where values[s] == .empty { out[s] = count }
        return Ranks(of: out, count: count)
    }

    /// The byte range of column `k` within the row at `slot` (fields are separated by 0x01).
    static func field(_ k: Int, of slot: Int, _ t: SearchText.Table, _ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var from = t.start[slot]
        let end = from + Int(t.length[slot])
        var f = 0
        while f < k {
            while from < end && b[from] != 1 { from += 1 }
            from += 1
            f += 1
        }
        guard from <= end else { return end..<end }
        var to = from
        while to < end && b[to] != 1 { to += 1 }
        return from..<to
    }

    /// The first 15 bytes of a field, big-endian, zero-padded, low bit clear (exact).
    static func prefixKey(_ b: UnsafeBufferPointer<UInt8>, _ f: Range<Int>) -> UInt128 {
        var key: UInt128 = 0
        let m = min(15, f.count)
        for i in 0..<m { key = key << 8 | UInt128(b[f.lowerBound + i]) }
        return key << UInt128(8 * (16 - m))
    }
}
