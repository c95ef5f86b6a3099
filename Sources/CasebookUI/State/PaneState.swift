import CasebookModel

/// What one pane shows: its rows after filter and sort, the cursor, scroll and current column.
public struct PaneState: Sendable {
    public var kind: PaneKind
    /// Ids of the rows shown, in order.
    public private(set) var rows: [String] = []
    /// The same rows as slots of the pane's `PaneIndex` (what search and sort work on).
    public private(set) var slots: [Int32] = []
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

    /// Sets the rows shown and keeps the cursor on `keep` if it is still there.
    mutating func show(_ newSlots: [Int32], _ index: PaneIndex, keep: String?) {
        slots = newSlots
        rows = newSlots.map { index.id($0) }
        if let keep, let i = rows.firstIndex(of: keep) { cursor = i } else { cursor = min(cursor, max(0, rows.count - 1)) }
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
