import CasebookModel
import CasebookStore
import Foundation
import Synchronization

// The F view: rows of the focused pane grouped by the current column's value, with counts and
// exact sums. Losses by actor: the Attribution column of incidents, summing loss USD. Transfers
// by asset: the Asset column of the ledger, summing amounts (one asset per group, so the sum is
// meaningful) and USD. A group whose rows mix assets shows no amount sum rather than a wrong one.
// Aggregate incidents are counted but not summed, as in the header: their losses overlap others'.

public struct FrequencyTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var value: String
        public var count: Int
        public var usd: ExactDecimal?
        /// Sum of amounts with its asset, when every row of the group has the same asset.
        public var amount: (ExactDecimal, String)?

        public static func == (a: Row, b: Row) -> Bool {
            a.value == b.value && a.count == b.count && a.usd == b.usd && a.amount?.0 == b.amount?.0 && a.amount?.1 == b.amount?.1
        }
    }

    public var pane: PaneKind
    public var columnID: String
    public var columnTitle: String
    public var rows: [Row]
    public var totalCount: Int
    public var totalUSD: ExactDecimal?

    /// Groups `ids` (the pane's filtered rows) by `column`; biggest groups first, then by value.
    public init(pane: PaneKind, column: Column, ids: [String], view: CaseView) {
        self.pane = pane
        columnID = column.id
        columnTitle = column.title
        struct Acc { var count = 0; var usd: ExactDecimal?; var amount: ExactDecimal?; var asset: String?; var mixed = false }
        var groups: [String: Acc] = [:]
        var order: [String] = []
        let usdColumn = pane.columns.first { ["loss", "usd", "losses"].contains($0.id) }
        var total: ExactDecimal? = nil
        for id in ids {
            guard let r = view.content.record(id: id) else { continue }
            let key = column.group(r, view)
            if groups[key] == nil { order.append(key) }
            var acc = groups[key] ?? Acc()
            acc.count += 1
            let aggregate: Bool = if case .incident(let i) = r { i.isAggregate } else { false }
            if !aggregate, let usd = usdColumn?.number?(r, view) {
                acc.usd = (acc.usd ?? .zero) + usd
                total = (total ?? .zero) + usd
            }
            if case .transfer(let t) = r {
                if acc.asset == nil, !acc.mixed { acc.asset = t.asset }
                if acc.asset != t.asset { acc.mixed = true; acc.asset = nil }
                if !acc.mixed { acc.amount = (acc.amount ?? .zero) + t.amount }
            }
            groups[key] = acc
        }
        rows = order.map { key in
            let a = groups[key]!
            return Row(value: key, count: a.count, usd: a.usd, amount: a.mixed ? nil : a.amount.flatMap { amt in a.asset.map { (amt, $0) } })
        }.sorted { ($0.count, $1.value) > ($1.count, $0.value) }
        totalCount = ids.count
        totalUSD = total
    }
}

extension FrequencyTable {
    /// The same table from the screen's caches: groups, numbers and assets per slot, counted and
    /// summed on both cores (sums are exact in any order), so a million rows take a few passes over arrays.
    public init(pane: PaneKind, columnIndex: Int, slots: [Int32], view: CaseView) {
        let columns = pane.columns
        let column = columns[columnIndex]
        self.pane = pane
        columnID = column.id
        columnTitle = column.title
        let cache = view.columnCache
        let groups = cache.groups(pane, columnIndex, view)
        let usdIndex = columns.firstIndex { ["loss", "usd", "losses"].contains($0.id) }
        let usd = usdIndex.map { cache.numbers(pane, $0, view) }
        let amountIndex = pane == .ledger ? columns.firstIndex { $0.id == "amount" } : nil
        let amounts = amountIndex.map { cache.numbers(pane, $0, view) }
        let assets = pane == .ledger ? cache.groups(pane, ColumnCache.rawAsset, view) : nil
        let index = view.indexes[pane]!
        struct Acc { var count = 0; var usd: ExactDecimal?; var amount: ExactDecimal?; var asset: Int32 = -1; var mixed = false }
        let parts = Mutex<[Int: ([Acc], ExactDecimal?)]>([:])
        let width = groups.names.count
        // Rows in slot order: the per-slot arrays are then read front to back instead of at random
        // (sorted rows visit slots at random, a cache miss per array per row on a million rows).
        let inSlotOrder = Self.inSlotOrder(slots, count: index.ids.count)
        // The rows in `rows` whose group is in `mine`, summed into one Acc per group of `mine`.
        func accumulate(_ rows: Range<Int>, _ mine: Range<Int>) -> ([Acc], ExactDecimal?) {
            var acc = [Acc](repeating: Acc(), count: mine.count)
            var total: ExactDecimal?
            // A wallet column's groups are hundreds of thousands of Accs, met at random: each is
            // asked of the processor a few rows ahead (a cache miss a row otherwise).
            let ahead = acc.count >= Self.manyGroups ? 12 : 0
            acc.withUnsafeMutableBufferPointer { acc in
                let warm = UnsafeRawPointer(acc.baseAddress)
                for i in rows {
                    if ahead > 0, i + ahead < rows.upperBound, let warm {
                        let h = Int(groups.of[Int(inSlotOrder[i + ahead])]) - mine.lowerBound
                        if h >= 0 && h < mine.count { prefetchForWriting(warm + h * MemoryLayout<Acc>.stride) }
                    }
                    let s = Int(inSlotOrder[i])
                    let g = Int(groups.of[s]) - mine.lowerBound
                    guard g >= 0 && g < acc.count else { continue }   // no group, or another thread's
                    acc[g].count += 1
                    var aggregate = false
                    if pane == .incidents, case .incident(let inc)? = view.record(pane, index.ids[s]) { aggregate = inc.isAggregate }
                    if !aggregate, let v = usd?[s] {
                        acc[g].usd = (acc[g].usd ?? .zero) + v
                        total = (total ?? .zero) + v
                    }
                    if let assets, let amounts, let amount = amounts[s] {
                        let a = assets.of[s]
                        if acc[g].asset == -1, !acc[g].mixed { acc[g].asset = a }
                        if acc[g].asset != a { acc[g].mixed = true; acc[g].asset = -1 }
                        if !acc[g].mixed { acc[g].amount = (acc[g].amount ?? .zero) + amount }
                    }
                }
            }
            return (acc, total)
        }
        func plus(_ a: ExactDecimal?, _ b: ExactDecimal?) -> ExactDecimal? { a.map { x in b.map { x + $0 } ?? x } ?? b }
        var acc: [Acc], total: ExactDecimal?
        if width >= Self.manyGroups && inSlotOrder.count >= ParallelSort.threshold {
            // Many groups (a wallet column): each core takes half of the groups over all the rows,
            // so each keeps a table half as big and nothing is merged. Sums are exact in any order.
            ParallelSort.halves(width, threshold: Self.manyGroups) { groupRange, part in
                let r = accumulate(0..<inSlotOrder.count, groupRange)
                parts.withLock { $0[part] = r }
            }
            let first = parts.withLock { $0[0] }!, second = parts.withLock { $0[1] }
            acc = first.0 + (second?.0 ?? [])
            total = plus(first.1, second?.1)
        } else {
            // Few groups: each core takes half of the rows, then the two tables are merged.
            ParallelSort.halves(inSlotOrder.count) { range, part in
                let r = accumulate(range, 0..<width)
                parts.withLock { $0[part] = r }
            }
            (acc, total) = parts.withLock { $0[0] } ?? ([Acc](repeating: Acc(), count: width), nil)
            if let (second, t2) = parts.withLock({ $0[1] }) {
                total = plus(total, t2)
                for g in 0..<width where second[g].count > 0 {
                    let b = second[g]
                    if acc[g].count == 0 { acc[g] = b; continue }
                    acc[g].count += b.count
                    acc[g].usd = plus(acc[g].usd, b.usd)
                    if acc[g].mixed || b.mixed || acc[g].asset != b.asset { acc[g].mixed = true; acc[g].asset = -1; acc[g].amount = nil }
                    else { acc[g].amount = plus(acc[g].amount, b.amount) }
                }
            }
        }
        func row(_ g: Int32) -> Row {
            let a = acc[Int(g)]
            let asset = a.asset >= 0 ? assets?.names[Int(a.asset)] : nil
            return Row(value: groups.names[Int(g)], count: a.count, usd: a.usd,
                       amount: a.mixed ? nil : a.amount.flatMap { amt in asset.map { (amt, $0) } })
        }
        let present = (0..<Int32(width)).filter { acc[Int($0)].count > 0 }
        if groups.sorted {
            // Groups in value order: order them by count alone, then make each row once.
            let order = Self.biggestFirst(inValueOrder: present, counts: present.map { acc[Int($0)].count })
            // Hundreds of thousands of rows for a wallet column: made on both cores.
            rows = [Row](unsafeUninitializedCapacity: order.count) { out, made in
                acc.withUnsafeBufferPointer { a in
                    groups.names.withUnsafeBufferPointer { names in
                        ParallelSort.halves(order.count) { range, _ in
                            for i in range {
                                // Groups in count order are met at random: asked for ahead.
                                if i + 8 < range.upperBound, let a = a.baseAddress, let n = names.baseAddress {
                                    let g = Int(order[i + 8])
                                    prefetchForWriting(a + g)
                                    prefetchForWriting(n + g)
                                }
                                (out.baseAddress! + i).initialize(to: row(order[i]))
                            }
                        }
                    }
                }
                made = order.count
            }
        } else {
            rows = Self.biggestFirst(present.map(row))
        }
        totalCount = slots.count
        totalUSD = total
    }
}

extension FrequencyTable {
    /// From this many groups on, the two cores split the groups rather than the rows.
    static let manyGroups = 4096

    /// `slots` (distinct) in increasing order, by marking them: linear, where a sort is not.
    static func inSlotOrder(_ slots: [Int32], count: Int) -> [Int32] {
        var marked = [Bool](repeating: false, count: count)
        for s in slots where Int(s) < count { marked[Int(s)] = true }
        var out: [Int32] = []
        out.reserveCapacity(slots.count)
        for s in 0..<count where marked[s] { out.append(Int32(s)) }
        return out
    }

    /// The same order for groups already in value order, with their counts: by count alone,
    /// keeping that order. A counting sort (counts are at most the row count, and most groups
    /// of a big column are small), so hundreds of thousands of groups take two linear passes.
    static func biggestFirst(inValueOrder groups: [Int32], counts: [Int]) -> [Int32] {
        guard let most = counts.max() else { return [] }
        // starts[c]: where the groups of count c begin, biggest count first.
        var starts = [Int](repeating: 0, count: most + 2)
        for c in counts { starts[most - c + 1] += 1 }
        for k in 1..<starts.count { starts[k] += starts[k - 1] }
        var out = [Int32](repeating: 0, count: groups.count)
        for (i, g) in groups.enumerated() {
            let k = most - counts[i]
            out[starts[k]] = g
            starts[k] += 1
        }
        return out
    }

    /// `rows` biggest group first, then by value: the order `($0.count, $1.value) > ($1.count,
    /// $0.value)` gives, made cheap for hundreds of thousands of groups (a wallet each) by
    /// comparing integers first: the count, then the value's PrefixKey; only values those
    /// cannot tell apart are compared as Strings.
    static func biggestFirst(_ rows: [Row]) -> [Row] {
        struct Item { var count: Int; var key: PrefixKey; var row: Int32 }
        var items = rows.indices.map { Item(count: rows[$0].count, key: PrefixKey(rows[$0].value), row: Int32($0)) }
        ParallelSort.sortItems(&items) { a, b in
            if a.count != b.count { return a.count > b.count }
            return PrefixKey.decide(a.key, b.key) ?? PrefixKey.less(rows[Int(a.row)].value, rows[Int(b.row)].value)
        }
        return items.map { rows[Int($0.row)] }
    }
}
