import CasebookModel

// Boxes drawn over the panes: help (every command and key, from the registry), the command
// palette (fuzzy search over command names), and the frequency table.

enum Overlays {
    static func box(_ layout: Layout, wanted: Int, rows: Int) -> Layout.Rect {
        let width = min(layout.width - 4, wanted)
        let height = min(layout.height - 4, rows + 2)
        return Layout.Rect(x: (layout.width - width) / 2, y: 2, width: width, height: height)
    }

    static func frame(_ r: Layout.Rect, title: String, _ theme: Theme, into g: inout Grid) {
        let gl = theme.glyphs
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height, role: .overlay)
        g.put(gl.topLeft + String(repeating: gl.horizontal, count: r.width - 2) + gl.topRight, x: r.x, y: r.y, role: .overlayBorder)
        for y in (r.y + 1)..<(r.y + r.height - 1) {
            g.put(gl.vertical, x: r.x, y: y, role: .overlayBorder)
            g.put(gl.vertical, x: r.x + r.width - 1, y: y, role: .overlayBorder)
        }
        g.put(gl.bottomLeft + String(repeating: gl.horizontal, count: r.width - 2) + gl.bottomRight, x: r.x, y: r.y + r.height - 1, role: .overlayBorder)
        g.put(" " + title + " ", x: r.x + 2, y: r.y, role: .overlayBorder, maxWidth: r.width - 4)
    }

    static func draw(_ overlay: Overlay, _ s: AppState, _ registry: CommandRegistry, _ layout: Layout, _ theme: Theme, into g: inout Grid) {
        switch overlay {
        case .help(let scroll):
            let lines = helpLines(registry)
            let r = box(layout, wanted: 96, rows: lines.count)
            frame(r, title: "Keys (Esc closes, j/k scroll)", theme, into: &g)
            let inner = r.height - 2
            let top = max(0, min(scroll, lines.count - inner))
            for (row, line) in lines.dropFirst(top).prefix(inner).enumerated() {
                g.put(TextWidth.truncate(line, to: r.width - 4, ellipsis: theme.glyphs.ellipsis), x: r.x + 2, y: r.y + 1 + row, role: .overlay)
            }
            if top + inner < lines.count {
                g.put(" more below: j ", x: r.x + r.width - 17, y: r.y + r.height - 1, role: .overlayBorder)
            }
        case .palette(let editor, let selection):
            let matches = registry.search(editor.text)
            let r = box(layout, wanted: 80, rows: min(matches.count, 14) + 1)
            frame(r, title: "Command palette", theme, into: &g)
            let x = g.put(": ", x: r.x + 2, y: r.y + 1, role: .overlay)
            g.put(VisibleText.line(editor.text), x: x, y: r.y + 1, role: .overlay, maxWidth: r.width - 6)
            g.cursor = (x + editor.cursorColumn, r.y + 1)
            let rows = r.height - 3
            let top = max(0, selection - rows + 1)
            for (row, c) in matches.dropFirst(top).prefix(rows).enumerated() {
                let selected = top + row == selection
                let text = TextWidth.fit(c.name, to: 22) + " " + TextWidth.fit(c.keyLabel, to: 12) + " " + c.help
                g.put(TextWidth.fit(text, to: r.width - 4), x: r.x + 2, y: r.y + 2 + row, role: selected ? .overlaySelected : .overlay)
            }
        case .frequency(let table, let selection, _):
            drawFrequency(table, selection: selection, layout, theme, into: &g)
        case .preview(let lines, let scroll):
            let r = Layout.Rect(x: 1, y: 2, width: layout.width - 2, height: layout.height - 4)
            frame(r, title: "Summary: p prints, t m h save as text, Markdown, HTML; j k PgDn scroll; Esc closes", theme, into: &g)
            for (row, line) in lines.dropFirst(scroll).prefix(r.height - 2).enumerated() {
                g.put(TextWidth.truncate(line, to: r.width - 4, ellipsis: theme.glyphs.ellipsis), x: r.x + 2, y: r.y + 1 + row, role: .overlay)
            }
        case .history(let selection):
            EditOverlays.drawHistory(s.history, selection: selection, layout, theme, into: &g)
        case .picker(let picker):
            EditOverlays.drawPicker(picker, layout, theme, into: &g)
        case .form(let form):
            EditOverlays.drawForm(form, layout, theme, into: &g)
        }
    }

    static func helpLines(_ registry: CommandRegistry) -> [String] {
        var lines = ["Casebook: every key works through a command; rebind them in keys.json by name.", ""]
        for c in registry.commands {
            lines.append(TextWidth.fit(c.keyLabel, to: 14) + " " + TextWidth.fit(c.name, to: 18) + " " + c.help)
        }
        lines += ["", "Filter: text, field:value, field=value, amount>1000000, tag:laundering, !negates, \"quoted words\".",
                  "h/l pick the column that o/O sort by and F groups by."]
        return lines
    }

    static func drawFrequency(_ t: FrequencyTable, selection: Int, _ layout: Layout, _ theme: Theme, into g: inout Grid) {
        let r = box(layout, wanted: 100, rows: t.rows.count + 3)
        frame(r, title: "\(t.pane.title) by \(t.columnTitle): Enter filters, Esc closes", theme, into: &g)
        let inner = r.width - 4
        let hasAmount = t.rows.contains { $0.amount != nil }
        let numberWidth = 20
        let valueWidth = max(10, inner - 8 - 7 - numberWidth - (hasAmount ? numberWidth + 1 : 0) - 3)
        func row(_ value: String, _ count: String, _ pct: String, _ amount: String, _ usd: String) -> String {
            var s = TextWidth.fit(value, to: valueWidth) + " " + TextWidth.fit(count, to: 7, alignRight: true) + " " + TextWidth.fit(pct, to: 6, alignRight: true)
            if hasAmount { s += " " + TextWidth.fit(amount, to: numberWidth, alignRight: true) }
            return s + " " + TextWidth.fit(usd, to: numberWidth, alignRight: true)
        }
        g.put(row(t.columnTitle, "Count", "%", "Amount", "USD"), x: r.x + 2, y: r.y + 1, role: .columnHeader, maxWidth: inner)
        let rows = r.height - 4
        let top = max(0, selection - rows + 1)
        for (i, item) in t.rows.dropFirst(top).prefix(rows).enumerated() {
            let pct = t.totalCount == 0 ? "" : "\(item.count * 100 / t.totalCount)%"
            let amount = item.amount.map { "\($0.0.formatted()) \($0.1)" } ?? ""
            let text = row(item.value.isEmpty ? "(none)" : item.value, "\(item.count)", pct, amount, item.usd?.formatted(minScale: 2) ?? "")
            let selected = top + i == selection
            g.put(text, x: r.x + 2, y: r.y + 2 + i, role: selected ? .overlaySelected : .overlay, maxWidth: inner)
            if selected { g.cursor = (r.x + 2, r.y + 2 + i) }
        }
        let total = row("Total", "\(t.totalCount)", "100%", "", t.totalUSD?.formatted(minScale: 2) ?? "")
        g.put(total, x: r.x + 2, y: r.y + r.height - 2, role: .columnHeader, maxWidth: inner)
    }
}
