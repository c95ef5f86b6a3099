import CasebookModel

// Marks: Space toggles the selected row and moves on, v marks a range (press it at one end and
// again at the other), U clears. Annotation commands act on the marked rows of the pane when there
// are any, else on the selected record, and a batch is one edit: one step to undo.

extension AppState {
    /// The records an annotation applies to.
    public var targets: [String] {
        if focus == .detail, let id = detailStack.last { return [id] }
        let p = current
        if !p.marks.isEmpty { return p.rows.filter { p.marks.contains($0) } }
        return p.selectedID.map { [$0] } ?? []
    }

    public mutating func toggleMark() {
        var p = current
        guard let id = p.selectedID else { return }
        if p.marks.contains(id) { p.marks.remove(id) } else { p.marks.insert(id) }
        p.move(by: 1)
        current = p
        say("\(p.marks.count) marked")
    }

    public mutating func markRange() {
        var p = current
        guard let anchor = p.rangeAnchor else {
            p.rangeAnchor = p.cursor
            current = p
            say("Range starts here; move and press v again")
            return
        }
        for i in min(anchor, p.cursor)...max(anchor, p.cursor) where p.rows.indices.contains(i) { p.marks.insert(p.rows[i]) }
        p.rangeAnchor = nil
        current = p
        say("\(p.marks.count) marked")
    }

    public mutating func clearMarks() {
        var p = current
        p.marks = []
        p.rangeAnchor = nil
        current = p
        say("Marks cleared")
    }

    /// "Bithumb hack (2018)" or "12 transfers", for prompts.
    func describeTargets(_ ids: [String]) -> String {
        guard let view else { return "" }
        if ids.count == 1, let r = view.content.record(id: ids[0]) { return VisibleText.line(view.title(of: r)) }
        let kinds = Set(ids.compactMap { view.content.record(id: $0)?.kind })
        if kinds.count == 1, let kind = kinds.first { return "\(ids.count) \(kind.plural)" }
        return "\(ids.count) records"
    }
}
