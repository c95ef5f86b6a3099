import CasebookModel

/// What one pane shows: its rows after filter and sort, the cursor, scroll and current column.
public struct PaneState: Sendable {
    public var kind: PaneKind
    /// Ids of the rows shown, in order (read through `slots`).
    public var rows: PaneRows { PaneRows(ids: ids, slots: slots) }
    /// The same rows as slots of the pane's `PaneIndex` (what search and sort work on).
    public private(set) var slots: [Int32] = []
    /// The pane's ids by slot (PaneIndex.ids, shared, not copied), as of the last refresh or update.
    private var ids: [String] = []
    public var cursor = 0
    public var top = 0
    public var column = 0
    /// Sorts in force, newest first: a new sort is primary and earlier ones break its ties, so
    /// sorting by asset after sorting by amount keeps each asset's rows in amount order.
    public private(set) var sorts: [(column: Int, descending: Bool)] = []
    public var sortColumn: Int? { sorts.first?.column }
    public var sortDescending: Bool { sorts.first?.descending ?? false }
    public private(set) var filter: FilterQuery?
    public var marks: Set<String> = []
    /// Where `v` started a range, if it is waiting for its other end.
    public var rangeAnchor: Int?

    public init(kind: PaneKind) { self.kind = kind }

    public var selectedID: String? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    /// Re-derives `rows` from the case: filter, then a stable sort; keeps the cursor on the same record.
    public mutating func refresh(_ view: CaseView) {
        let keep = selectedID
        guard let index = view.indexes[kind] else { return }
        var ids = index.order
        if let filter, !filter.isEmpty { ids = filter.matching(ids, kind, view) }
        show(sorted(ids, view), index, keep: keep)
    }

    /// `ids` (in natural order) sorted by the sorts in force: a stable counting sort by each
    /// column's rank, least significant first, so equal keys keep their natural order.
    func sorted(_ ids: [Int32], _ view: CaseView) -> [Int32] {
        let columns = kind.columns
        var ids = ids
        for s in sorts.reversed() where columns.indices.contains(s.column) {
            let ranks = view.columnCache.ranks(kind, s.column, view)
            ids = Self.countingSort(ids, ranks, descending: s.descending)
        }
        return ids
    }

    /// Stable; empty values (rank `count`) stay last in both directions.
    static func countingSort(_ ids: [Int32], _ ranks: ColumnCache.Ranks, descending: Bool) -> [Int32] {
        let r = ranks.count
        var starts = [Int](repeating: 0, count: Int(r) + 2)
        var out = [Int32](repeating: 0, count: ids.count)
        ranks.of.withUnsafeBufferPointer { rank in
            func key(_ s: Int32) -> Int {
                let k = rank[Int(s)]
                return Int(k == r || !descending ? k : r - 1 - k)
            }
            for s in ids { starts[key(s) + 1] += 1 }
            for i in 1..<starts.count { starts[i] += starts[i - 1] }
            for s in ids {
                let k = key(s)
                out[starts[k]] = s
                starts[k] += 1
            }
        }
        return out
    }

    /// Follows an edit that touched `changed` slots: they leave the rows, and those still in the
    /// case and passing the filter go back at the place the sort gives them (binary search with
    /// the same comparison as a full sort: the sort columns, then natural order). Many touched
    /// rows: a full refresh is cheaper.
    public mutating func update(_ changed: [Int32], _ view: CaseView) {
        guard !changed.isEmpty, let index = view.indexes[kind] else { return }
        if changed.count > max(64, slots.count / 8) { refresh(view); return }
        let keep = selectedID
        var isChanged = [Bool](repeating: false, count: index.ids.count + 1)
        for s in changed where Int(s) < isChanged.count { isChanged[Int(s)] = true }
        var positions: [Int] = []
        for (i, s) in slots.enumerated() where Int(s) < isChanged.count && isChanged[Int(s)] { positions.append(i) }
        for i in positions.reversed() { slots.remove(at: i) }
        ids = index.ids
        let columns = kind.columns
        let active = sorts.filter { columns.indices.contains($0.column) }
        func less(_ x: AnyRecord, _ y: AnyRecord) -> Bool {
            for s in active {
                let a = columns[s.column].sort(x, view), b = columns[s.column].sort(y, view)
                if a != b {
                    if a == .empty { return false }
                    if b == .empty { return true }
                    return s.descending ? b < a : a < b
                }
            }
            return PaneIndex.naturalLess(kind, x, y)
        }
        for slot in changed {
            let id = index.id(slot)
            guard !id.isEmpty, let r = view.record(kind, id) else { continue }
            if let filter, !filter.isEmpty, !filter.matches(r, view, columns: columns) { continue }
            var lo = 0, hi = slots.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if let other = view.record(kind, index.id(slots[mid])), less(other, r) { lo = mid + 1 } else { hi = mid }
            }
            slots.insert(slot, at: lo)
        }
        if let keep, let ks = index.slot(of: keep), let i = slots.firstIndex(of: ks) { cursor = i }
        else { cursor = min(cursor, max(0, rows.count - 1)) }
    }

    /// Sets the rows shown and keeps the cursor on `keep` if it is still there.
    mutating func show(_ newSlots: [Int32], _ index: PaneIndex, keep: String?) {
        slots = newSlots
        ids = index.ids
        // Found by slot: comparing integers, not a million Strings.
        if let keep, let ks = index.slot(of: keep), let i = newSlots.firstIndex(of: ks) { cursor = i }
        else { cursor = min(cursor, max(0, rows.count - 1)) }
    }

    public mutating func setSort(column: Int, descending: Bool, _ view: CaseView) {
        sorts.removeAll { $0.column == column }
        sorts.insert((column, descending), at: 0)
        refresh(view)
    }

    public mutating func setFilter(_ query: FilterQuery?, _ view: CaseView) {
        filter = query?.isEmpty == true ? nil : query
        refresh(view)
    }

    /// Moves the cursor by `delta` rows, clamped.
    public mutating func move(by delta: Int) {
        guard !rows.isEmpty else { cursor = 0; return }
        cursor = max(0, min(rows.count - 1, cursor + delta))
    }

    /// Scrolls so the cursor is inside a window of `height` rows.
    public mutating func scrollToCursor(height: Int) {
        guard height > 0 else { return }
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
    }

    public mutating func select(id: String) -> Bool {
        guard let i = rows.firstIndex(of: id) else { return false }
        cursor = i
        return true
    }
}
