import CasebookModel
import CasebookStore

// The overlays of editing: the history (@), the picker (c, =) and the new-record form (a).

enum EditOverlays {
    static func drawHistory(_ history: History, selection: Int, _ layout: Layout, _ theme: Theme, into g: inout Grid) {
        let entries = Array(history.entries.reversed())
        let r = Overlays.box(layout, wanted: 110, rows: max(1, entries.count) + 1)
        Overlays.frame(r, title: "History, newest first: Enter goes to the record, Esc closes (> marks what u undoes)", theme, into: &g)
        guard !entries.isEmpty else {
            g.put("No edits yet.", x: r.x + 2, y: r.y + 1, role: .overlay)
            return
        }
        let head = history.applied.last
        let undone = Set(history.undone)
        let rows = r.height - 2
        let top = max(0, selection - rows + 1)
        for (i, e) in entries.dropFirst(top).prefix(rows).enumerated() {
            let mark = e.seq == head ? ">" : " "
            let state = e.op == .edit && undone.contains(e.seq) ? " (undone)" : ""
            let text = "\(mark)\(TextWidth.fit(String(e.seq), to: 5, alignRight: true))  \(e.time)  "
                + TextWidth.fit(VisibleText.line(e.author), to: 14) + "  " + VisibleText.line(e.label) + state
            let selected = top + i == selection
            g.put(TextWidth.fit(text, to: r.width - 4, ellipsis: theme.glyphs.ellipsis), x: r.x + 2, y: r.y + 1 + i,
                  role: selected ? .overlaySelected : .overlay)
            if selected { g.cursor = (r.x + 2, r.y + 1 + i) }
        }
    }

    static func drawPicker(_ p: Picker, _ layout: Layout, _ theme: Theme, into g: inout Grid) {
        let matches = p.matches
        let r = Overlays.box(layout, wanted: 90, rows: min(max(1, matches.count), 16) + 1)
        Overlays.frame(r, title: VisibleText.line(p.title) + ": type to narrow, Enter picks", theme, into: &g)
        let x = g.put("> ", x: r.x + 2, y: r.y + 1, role: .overlay)
        g.put(VisibleText.line(p.editor.text), x: x, y: r.y + 1, role: .overlay, maxWidth: r.width - 6)
        g.cursor = (x + p.editor.cursorColumn, r.y + 1)
        let rows = r.height - 3
        let top = max(0, p.selection - rows + 1)
        if matches.isEmpty { g.put("Nothing matches.", x: r.x + 2, y: r.y + 2, role: .dim) }
        for (i, item) in matches.dropFirst(top).prefix(rows).enumerated() {
            let selected = top + i == p.selection
            let text = TextWidth.fit(item.label, to: max(10, r.width - 30), ellipsis: theme.glyphs.ellipsis) + "  " + VisibleText.line(item.id)
            g.put(TextWidth.fit(text, to: r.width - 4, ellipsis: theme.glyphs.ellipsis), x: r.x + 2, y: r.y + 2 + i,
                  role: selected ? .overlaySelected : .overlay)
        }
    }

    static func drawForm(_ f: Form, _ layout: Layout, _ theme: Theme, into g: inout Grid) {
        let r = Overlays.box(layout, wanted: 90, rows: f.fields.count + 3)
        Overlays.frame(r, title: f.title + ": Tab moves, Enter on the last field saves, Esc cancels", theme, into: &g)
        let labelWidth = 12
        for (i, field) in f.fields.enumerated() where i < r.height - 4 {
            let y = r.y + 1 + i
            let focused = i == f.focus
            g.put(TextWidth.fit(field.name, to: labelWidth), x: r.x + 2, y: y, role: focused ? .overlaySelected : .overlay)
            let x = r.x + 3 + labelWidth
            let room = r.width - labelWidth - 6
            if field.editor.text.isEmpty && !field.hint.isEmpty {
                g.put(TextWidth.truncate(field.hint, to: room), x: x, y: y, role: .dim)
            } else {
                g.put(VisibleText.line(field.editor.text), x: x, y: y, role: .overlay, maxWidth: room)
            }
            if focused { g.cursor = (min(r.x + r.width - 2, x + field.editor.cursorColumn), y) }
        }
        if let error = f.error {
            g.put(TextWidth.truncate(error, to: r.width - 4), x: r.x + 2, y: r.y + r.height - 2, role: .messageError)
        }
    }
}
