import CasebookModel
import Foundation
import Synchronization

// What sort, filter and the frequency view need of a column, per slot of its pane, made on first
// use and kept: the column's number (filters `amount>5`, sums), its group (the F view's value as an
// interned integer) and its sort rank. A rank is the row's place among the column's distinct
// values (equal values share one, empty values get `count`), so a sort is a counting sort over
// integers and a stable multi-column sort is one counting sort per column, least significant first.
//
// Ranks come from one sort of the column, made cheap by keys: a number column's values at their
// common scale as 128-bit integers, a text column's first 15 bytes of its lower-cased text (from
// the search text) when the row is printable ASCII. Keys that tie, or cannot be exact, fall back
// to comparing the values as the SortValue comparison does, so the order is the same.
// After an edit, numbers and groups are patched for the changed slots; ranks are dropped and made
// again on the next sort (the rows on screen are kept in order by PaneState.update instead).

final class ColumnCache: Sendable {
    struct Groups: Sendable {
        var of: [Int32] = []
        var names: [String] = []
        /// Name -> group; when empty while `names` is not, made on the first `intern` (a group
        /// table made by sorting its names needs it only once an edit adds a row).
        var lookup: [String: Int32] = [:]
        /// Whether `names` are distinct and in String order (then group order is value order).
        var sorted = false

        mutating func intern(_ name: String) -> Int32 {
            if lookup.isEmpty && !names.isEmpty {
                lookup.reserveCapacity(names.count)
                for (g, n) in names.enumerated() { lookup[n] = Int32(g) }
            }
            if let g = lookup[name] { return g }
            let g = Int32(names.count)
            names.append(name)
            lookup[name] = g
            sorted = false
            return g
        }
    }

    struct Ranks: Sendable {
        var of: [UInt32]
        /// Distinct non-empty values; empty values (and free slots) have rank `count`.
        var count: UInt32
    }

    struct Entry: Sendable {
        var numbers: [Int: NumberColumn] = [:]
        var groups: [Int: Groups] = [:]
        var ranks: [Int: Ranks] = [:]
        /// Referencing ledger columns' text per value (ColumnCache+Ledger), by reference space
        /// (Column.referenceSpace: From and To share theirs).
        var referenceTexts: [String: ReferenceTexts] = [:]
    }

    /// The group "column" of a transfer's raw asset (the frequency view's amount sums need it).
    static let rawAsset = -1

    static func groupFunction(_ pane: PaneKind, _ k: Int) -> @Sendable (AnyRecord, CaseView) -> String {
        if k == rawAsset { return { r, _ in if case .transfer(let t) = r { t.asset } else { "" } } }
        return pane.columns[k].group
    }

    private let cache: Mutex<[PaneKind: Entry]>

    init() { cache = Mutex([:]) }
    private init(_ entries: [PaneKind: Entry]) { cache = Mutex(entries) }

    /// Runs `body` on a pane's entry under the lock.
    func withEntry(_ pane: PaneKind, _ body: (inout Entry) -> Void) {
        cache.withLock { c in
            var entry = c[pane] ?? Entry()
            c[pane] = nil   // so the entry is changed in place, not copied
            body(&entry)
            c[pane] = entry
        }
    }

    /// A ledger column's per-value texts if they are made and the lock is free now. Never waits:
    /// a sort may hold the lock while it builds the search text, which asks for these.
    func madeReferenceTexts(_ column: Int) -> ReferenceTexts? {
        let space = PaneKind.ledger.columns[column].referenceSpace
        return cache.withLockIfAvailable { $0[.ledger]?.referenceTexts[space] } ?? nil
    }

    func numbers(_ pane: PaneKind, _ column: Int, _ view: CaseView) -> NumberColumn {
        cache.withLock { Self.numbers(&$0[pane, default: Entry()], pane, column, view) }
    }

    func groups(_ pane: PaneKind, _ column: Int, _ view: CaseView) -> Groups {
        cache.withLock { c in
            if let done = c[pane]?.groups[column] { return done }
            var entry = c[pane] ?? Entry()
            let g = (pane == .ledger ? Self.ledgerGroups(&entry, column, view) : nil) ?? Self.makeGroups(pane, column, view)
            entry.groups[column] = g
            c[pane] = entry
            return g
        }
    }

    func ranks(_ pane: PaneKind, _ column: Int, _ view: CaseView) -> Ranks {
        cache.withLock { c in
            if let done = c[pane]?.ranks[column] { return done }
            var entry = c[pane] ?? Entry()
            let r: Ranks
            if pane == .ledger, let fast = Self.ledgerRanks(&entry, column, view) {
                r = fast
            } else {
                let nums = pane.columns[column].number == nil ? nil : Self.numbers(&entry, pane, column, view)
                r = Self.makeRanks(pane, column, view, nums)
            }
            entry.ranks[column] = r
            c[pane] = entry
            return r
        }
    }

    private static func numbers(_ entry: inout Entry, _ pane: PaneKind, _ column: Int, _ view: CaseView) -> NumberColumn {
        if let done = entry.numbers[column] { return done }
        let index = view.indexes[pane]!
        guard let number = pane.columns[column].number else { return NumberColumn(Array(repeating: nil, count: index.ids.count)) }
        if pane == .ledger, let fast = ledgerNumbers(column, view) {
            entry.numbers[column] = fast
            return fast
        }
        var out = [ExactDecimal?](repeating: nil, count: index.ids.count)
        out.withUnsafeMutableBufferPointer { o in
            ParallelSort.halves(index.ids.count) { range, _ in
                for s in range where !index.ids[s].isEmpty {
                    if let r = view.record(pane, index.ids[s]) { o[s] = number(r, view) }
                }
            }
        }
        entry.numbers[column] = NumberColumn(out)
        return NumberColumn(out)
    }

    private static func makeGroups(_ pane: PaneKind, _ column: Int, _ view: CaseView) -> Groups {
        let index = view.indexes[pane]!
        let group = groupFunction(pane, column)
        let reference = column == rawAsset ? nil : pane.columns[column].reference
        // Each half interns into its own table; the second's numbers are then mapped into the first's.
        // A column naming another record looks its name up once per record named.
        let parts = Mutex<[Int: Groups]>([:])
        ParallelSort.halves(index.ids.count) { range, part in
            var g = Groups()
            var byReference: [String: Int32] = [:]
            g.of.reserveCapacity(range.count)
            for s in range {
                let id = index.ids[s]
                guard !id.isEmpty, let r = view.record(pane, id) else { g.of.append(-1); continue }
                if let reference, let ref = reference(r) {
                    if let known = byReference[ref] { g.of.append(known); continue }
                    let n = g.intern(group(r, view))
                    byReference[ref] = n
                    g.of.append(n)
                } else {
                    g.of.append(g.intern(group(r, view)))
                }
            }
            parts.withLock { $0[part] = g }
        }
        return parts.withLock { p in
            var all = p[0] ?? Groups()
            if let second = p[1] {
                let map = second.names.map { all.intern($0) }
                all.of.append(contentsOf: second.of.map { $0 < 0 ? -1 : map[Int($0)] })
            }
            return all
        }
    }

    /// A new cache with this one's entries, patched for the rows at `slots` after an edit
    /// (numbers and groups recomputed, ranks of a changed pane dropped). This one is left empty.
    func patched(_ slots: [PaneKind: [Int32]], _ view: CaseView) -> ColumnCache {
        var entries = cache.withLock { c in let all = c; c = [:]; return all }
        for (pane, changed) in slots where !changed.isEmpty {
            guard var entry = entries[pane] else { continue }
            let index = view.indexes[pane]!
            let columns = pane.columns
            entry.ranks = [:]
            if pane == .ledger { Self.patchReferenceTexts(&entry, changed, view) }
            for (k, column) in entry.numbers {
                entry.numbers[k] = nil   // let go of the stored copy so the patch is in place
                guard var numbers = column.values else {
                    // Read from LedgerSlots, which the view has patched already.
                    entry.numbers[k] = Self.ledgerNumbers(k, view)
                    continue
                }
                for slot in changed {
                    while numbers.count <= Int(slot) { numbers.append(nil) }
                    let id = index.ids[Int(slot)]
                    numbers[Int(slot)] = id.isEmpty ? nil : view.record(pane, id).flatMap { columns[k].number?($0, view) }
                }
                entry.numbers[k] = NumberColumn(numbers)
            }
            for (k, var groups) in entry.groups {
                entry.groups[k] = nil
                for slot in changed {
                    while groups.of.count <= Int(slot) { groups.of.append(-1) }
                    let id = index.ids[Int(slot)]
                    if !id.isEmpty, let r = view.record(pane, id) {
                        groups.of[Int(slot)] = groups.intern(Self.groupFunction(pane, k)(r, view))
                    } else {
                        groups.of[Int(slot)] = -1
                    }
                }
                entry.groups[k] = groups
            }
            entries[pane] = entry
        }
        return ColumnCache(entries)
    }
}
