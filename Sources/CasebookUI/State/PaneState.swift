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
        let columns = kind.columns
        guard let index = view.indexes[kind] else { return }
        var ids = index.order
        if let filter, !filter.isEmpty {
            ids = ids.filter { s in view.record(kind, index.id(s)).map { filter.matches($0, view, columns: columns) } ?? false }
        }
        let active = sorts.filter { columns.indices.contains($0.column) }
        if !active.isEmpty {
            // Decorate each row with its keys and natural position, so equal keys keep their order.
            var keyed = ids.enumerated().map { (i, slot) in
                let r = view.record(kind, index.id(slot))
                return (keys: active.map { s in r.map { columns[s.column].sort($0, view) } ?? .empty }, index: i, slot: slot)
            }
            let descending = active.map(\.descending)
            keyed.sort { a, b in
                for k in a.keys.indices where a.keys[k] != b.keys[k] {
                    if a.keys[k] == .empty { return false }
                    if b.keys[k] == .empty { return true }
                    return descending[k] ? b.keys[k] < a.keys[k] : a.keys[k] < b.keys[k]
                }
                return a.index < b.index
            }
            ids = keyed.map(\.slot)
        }
        show(ids, index, keep: keep)
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
