import CasebookModel

// Moving around: rows, pages, panes, columns, and into and out of the detail view.

extension AppState {
    public mutating func move(by delta: Int) {
        if focus == .detail {
            let items = detailNotes.count + detailLinks.count
            guard items > 0 else { detailScroll = max(0, detailScroll + delta); return }
            detailSelection = max(0, min(items - 1, detailSelection + delta))
            return
        }
        var p = current
        p.move(by: delta)
        current = p
    }

    public mutating func moveToEdge(bottom: Bool) {
        if focus == .detail {
            detailSelection = bottom ? max(0, detailNotes.count + detailLinks.count - 1) : 0
            return
        }
        var p = current
        p.cursor = bottom ? max(0, p.rows.count - 1) : 0
        current = p
    }

    public mutating func switchPane(_ kind: PaneKind) {
        pane = kind
        focus = .list
        detailStack = []
    }

    public mutating func moveColumn(by delta: Int) {
        var p = current
        p.column = max(0, min(pane.columns.count - 1, p.column + delta))
        current = p
    }

    /// The notes of the record in the detail view (selectable before its links).
    public var detailNotes: [Note] {
        guard let view, let id = detailRecordID, let record = view.content.record(id: id) else { return [] }
        return record.meta.notes
    }

    /// The note selected in the detail view, if the selection is on a note.
    public var selectedNote: Note? {
        let notes = detailNotes
        return focus == .detail && notes.indices.contains(detailSelection) ? notes[detailSelection] : nil
    }

    /// The linked records the detail view offers, in order.
    public var detailLinks: [(label: String, id: String)] {
        guard let view, let id = detailRecordID, let record = view.content.record(id: id) else { return [] }
        return view.content.links(of: record, index: view.links, limit: CaseView.linkLimit, waitingForTransfers: false)
            .links.map { ($0.0, $0.1.id) }
    }

    /// Enter: from the list, open the detail view; in the detail view, follow the selected link.
    public mutating func openDetail() {
        guard let view else { return }
        if focus == .list {
            guard let id = current.selectedID else { return }
            focus = .detail
            detailStack = [id]
            selectFirstLink()
            return
        }
        if let note = selectedNote, let id = detailStack.last {
            prompt = Prompt(purpose: .editNote(id: id, noteID: note.id), editor: LineEditor(note.text), label: "Edit note: ")
            return
        }
        let links = detailLinks
        let index = detailSelection - detailNotes.count
        guard links.indices.contains(index) else { return }
        let target = links[index].id
        detailStack.append(target)
        reveal(target, in: view)
        selectFirstLink()
    }

    /// In the detail view the selection starts on the first link (Enter follows it); the
    /// record's notes sit just above it, for e (edit) and d (delete).
    mutating func selectFirstLink() {
        detailScroll = 0
        detailSelection = detailLinks.isEmpty ? 0 : detailNotes.count
    }

    /// Esc in the detail view: back to the record before, or to the list.
    public mutating func back() {
        guard focus == .detail else {
            message = nil
            return
        }
        detailStack.removeLast()
        if let previous = detailStack.last, let view {
            reveal(previous, in: view)
            selectFirstLink()
        } else {
            focus = .list
        }
    }

    /// Selects a record in its pane, clearing that pane's filter if the filter hides it.
    mutating func reveal(_ id: String, in view: CaseView) {
        guard let kind = view.content.record(id: id)?.kind, let paneKind = PaneKind(recordKind: kind) else { return }
        pane = paneKind
        var p = current
        if !p.select(id: id) {
            p.setFilter(nil, view)
            _ = p.select(id: id)
            say("Filter cleared to show \(VisibleText.line(view.name(id)))")
        }
        current = p
    }
}
