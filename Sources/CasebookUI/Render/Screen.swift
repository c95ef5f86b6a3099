import CasebookModel

/// Renders the whole screen from the state: a pure function, so tests can snapshot it.
public enum Screen {
    public static func render(_ s: AppState, registry: CommandRegistry, theme: Theme, width: Int, height: Int) -> Grid {
        var g = Grid(width: width, height: height)
        let layout = Layout(width: width, height: height)
        if layout.tooSmall {
            let notice = ["Terminal too small", "\(width)×\(height); Casebook needs \(Layout.minimumWidth)×\(Layout.minimumHeight)", "Q quits"]
            for (i, line) in notice.enumerated() where i < height {
                g.put(TextWidth.truncate(line, to: width), x: 0, y: i, role: i == 0 ? .messageError : .text)
            }
            return g
        }
        header(s, layout, into: &g)
        guard let view = s.view else {
            loading(s, layout, theme, into: &g)
            return g
        }
        tabs(s, view, layout, into: &g)
        PaneView.draw(s, view, layout, theme, into: &g)
        divider(layout, theme, into: &g)
        let listCursor = g.cursor
        DetailView.draw(s, view, layout, theme, into: &g)
        if s.focus == .list { g.cursor = listCursor }
        messageLine(s, layout, into: &g)
        footer(s, registry, layout, into: &g)
        if let overlay = s.overlay { Overlays.draw(overlay, s, registry, layout, theme, into: &g) }
        return g
    }

    static func header(_ s: AppState, _ layout: Layout, into g: inout Grid) {
        g.fill(x: 0, y: 0, width: layout.width, height: 1, role: .header)
        var right = ""
        if let v = s.view {
            let c = v.content
            let transfers = s.partial ? "transfers loading \(s.loadingPercent)%" : "\(c.transfers.count) transfers"
            right = "\(c.incidents.count) incidents · USD \(v.totalLossUSD.formatted(minScale: 2)) stated · "
                + "\(c.actors.count) actors · \(transfers) "
        }
        let title = VisibleText.line(s.view?.content.info.title ?? s.file)
        let marking = s.view?.content.info.marking.map { " " + VisibleText.line($0) + " " } ?? ""
        let titleRoom = max(20, layout.width * 3 / 5)
        var x = g.put(" " + TextWidth.truncate(title, to: titleRoom - 2) + " ", x: 0, y: 0, role: .header, maxWidth: titleRoom)
        if !marking.isEmpty { x = g.put(marking, x: x, y: 0, role: .headerMarking) }
        if s.readOnlyReason != nil { x = g.put(" READ-ONLY ", x: x + 1, y: 0, role: .banner) }
        let room = layout.width - x - 1
        if room > 8 {
            let shown = TextWidth.truncate(right, to: room)
            g.put(shown, x: layout.width - TextWidth.of(shown), y: 0, role: .header)
        }
    }

    static func tabs(_ s: AppState, _ view: CaseView, _ layout: Layout, into g: inout Grid) {
        g.fill(x: 0, y: layout.tabsRow, width: layout.width, height: 1, role: .tab)
        var x = 0
        for kind in PaneKind.allCases {
            let shown = s.panes[kind]!.rows.count, total = view.rowCount(kind)
            var count = shown == total ? "\(total)" : "\(shown)/\(total)"
            if s.partial && kind == .ledger { count = "\(s.loadingPercent)%" }
            let label = " \(kind.rawValue + 1) \(kind.title) \(count) "
            x = g.put(kind == s.pane ? "[" + label + "]" : " " + label + " ", x: x, y: layout.tabsRow, role: kind == s.pane ? .tabActive : .tab)
        }
        var notes: [String] = []
        if let f = s.current.filter { notes.append("filter: " + VisibleText.line(f.text)) }
        if let sc = s.current.sortColumn { notes.append("sort: \(s.pane.columns[sc].title) \(s.current.sortDescending ? "desc" : "asc")") }
        if !notes.isEmpty {
            let text = TextWidth.truncate(notes.joined(separator: "  "), to: max(0, layout.width - x - 2))
            g.put(text, x: layout.width - TextWidth.of(text) - 1, y: layout.tabsRow, role: .tab)
        }
    }

    static func divider(_ layout: Layout, _ theme: Theme, into g: inout Grid) {
        let d = layout.divider
        if layout.sideBySide {
            for y in d.y..<(d.y + d.height) { g.put(theme.glyphs.vertical, x: d.x, y: y, role: .paneBorder) }
        } else {
            g.put(String(repeating: theme.glyphs.horizontal, count: d.width), x: 0, y: d.y, role: .paneBorder)
        }
    }

    static func messageLine(_ s: AppState, _ layout: Layout, into g: inout Grid) {
        let y = layout.messageRow
        if let p = s.prompt {
            let x = g.put(p.label, x: 0, y: y, role: .message)
            let end = g.put(VisibleText.line(p.editor.text), x: x, y: y, role: .text)
            if let m = s.message, s.messageIsError { g.put("   " + m, x: end, y: y, role: .messageError) }
            else if let hint = s.promptHint { g.put("   " + hint, x: end, y: y, role: .dim) }
            g.cursor = (min(layout.width - 1, x + p.editor.cursorColumn), y)
        } else if let m = s.message {
            g.put(TextWidth.truncate(m, to: layout.width), x: 0, y: y, role: s.messageIsError ? .messageError : .message)
        } else if s.partial {
            let text = "Loading \(s.loadingPercent)%: incidents and actors are here to browse; the ledger, edits and summaries follow"
            g.put(TextWidth.truncate(text, to: layout.width), x: 0, y: y, role: .message)
        } else if s.readOnlyReason != nil {
            g.put(TextWidth.truncate("Read-only: " + s.readOnlyReason!, to: layout.width), x: 0, y: y, role: .banner)
        }
    }

    /// The keys that work here, from the registry.
    static func footer(_ s: AppState, _ registry: CommandRegistry, _ layout: Layout, into g: inout Grid) {
        let y = layout.footerRow
        g.fill(x: 0, y: y, width: layout.width, height: 1, role: .footer)
        var items: [(String, String)]
        if s.prompt != nil {
            items = [("Enter", "done"), ("Esc", "cancel"), ("←→", "edit")]
        } else if s.overlay != nil {
            items = [("↑↓", "move"), ("Enter", "choose"), ("Esc", "close")]
        } else {
            // Most useful first, so a narrow footer keeps what matters.
            let priority = ["move-down", "open", "back", "search", "filter", "add-note", "tag", "undo", "help", "quit",
                            "sort-ascending", "frequency", "next-pane", "command-palette"]
            let ordered = registry.commands.sorted { (priority.firstIndex(of: $0.name) ?? 99) < (priority.firstIndex(of: $1.name) ?? 99) }
            items = ordered.compactMap { c in
                guard let label = c.footer, c.isEnabled(s), let key = c.keys.first,
                      !s.partial || AppState.browsingCommands.contains(c.name) else { return nil }
                if c.name == "move-down", let up = registry.command(named: "move-up")?.keys.first {
                    return (key.description + "/" + up.description, label)
                }
                return (key.description, label)
            }
        }
        var x = 1
        for (key, label) in items {
            let width = TextWidth.of(key) + TextWidth.of(label) + 3
            guard x + width <= layout.width else { break }
            x = g.put(key, x: x, y: y, role: .footerKey)
            x = g.put(" " + label + "  ", x: x, y: y, role: .footer)
        }
    }

    static func loading(_ s: AppState, _ layout: Layout, _ theme: Theme, into g: inout Grid) {
        let fraction = max(0, min(1, s.loading ?? 0))
        let y = layout.height / 2 - 1
        let text = "Loading \(VisibleText.line(s.file))… \(Int(fraction * 100))%"
        g.put(TextWidth.truncate(text, to: layout.width - 4), x: 2, y: y, role: .text)
        let barWidth = max(10, layout.width - 4)
        let filled = Int(Double(barWidth) * fraction)
        g.put(String(repeating: " ", count: filled), x: 2, y: y + 1, role: .progress)
        g.put(String(repeating: theme.glyphs.horizontal, count: barWidth - filled), x: 2 + filled, y: y + 1, role: .dim)
        g.put("Ctrl-C cancels", x: 2, y: y + 3, role: .dim)
    }
}
