import CasebookModel
import Foundation

// Draws the focused pane: a column header, then only the rows that fit, so a keystroke costs
// the same with ten rows or a hundred thousand. Column widths: preferred widths, extra space to
// flexible columns, and when space is short flexible columns shrink to their minimum, then
// columns drop from the right (never the current one).

enum PaneView {
    static func widths(_ columns: [Column], available: Int, keep: Int) -> [Int?] {
        var widths: [Int?] = columns.map { $0.width }
        func total() -> Int { widths.compactMap { $0 }.reduce(0, +) + max(0, widths.compactMap { $0 }.count - 1) }
        if total() > available {
            for i in columns.indices where columns[i].flexible { widths[i] = columns[i].minWidth }
        }
        if total() > available {
            // Numbers are not cut: a truncated amount is worse than a missing column.
            for i in columns.indices where !columns[i].alignRight { widths[i] = columns[i].minWidth }
        }
        var i = columns.count - 1
        while total() > available && i >= 0 {
            if i != keep { widths[i] = nil }
            i -= 1
        }
        if total() > available, let k = widths[keep] { widths[keep] = max(1, k - (total() - available)) }
        let spare = available - total()
        let flexible = columns.indices.filter { columns[$0].flexible && widths[$0] != nil }
        if spare > 0 && !flexible.isEmpty {
            for (n, i) in flexible.enumerated() {
                widths[i]! += spare / flexible.count + (n < spare % flexible.count ? 1 : 0)
            }
        }
        return widths
    }

    static func draw(_ s: AppState, _ view: CaseView, _ layout: Layout, _ theme: Theme, into g: inout Grid) {
        let rect = layout.list
        let pane = s.current
        let columns = s.pane.columns
        let gutter = 2
        let widths = widths(columns, available: rect.width - gutter, keep: pane.column)
        // Column header.
        var x = rect.x + gutter
        g.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, role: .columnHeader)
        for (i, c) in columns.enumerated() {
            guard let w = widths[i] else { continue }
            var title = c.title
            if pane.sortColumn == i { title += pane.sortDescending ? theme.glyphs.sortDescending : theme.glyphs.sortAscending }
            let role: Role = i == pane.column && s.focus == .list ? .columnCurrent : .columnHeader
            g.put(TextWidth.fit(title, to: w, alignRight: c.alignRight, ellipsis: theme.glyphs.ellipsis), x: x, y: rect.y, role: role)
            x += w + 1
        }
        let rows = layout.listRows
        guard !pane.rows.isEmpty else {
            let total = view.rowCount(s.pane)
            if s.partial && s.pane == .ledger {
                let note = "Loading the funds ledger… \(s.loadingPercent)%  (Ctrl-C cancels)"
                g.put(note, x: rect.x + gutter, y: rect.y + 1, role: .dim, maxWidth: rect.width - gutter)
                let width = max(0, rect.width - gutter - 2), filled = width * s.loadingPercent / 100
                g.put(String(repeating: " ", count: filled), x: rect.x + gutter, y: rect.y + 2, role: .progress)
                g.put(String(repeating: theme.glyphs.horizontal, count: width - filled), x: rect.x + gutter + filled, y: rect.y + 2, role: .dim)
                return
            }
            let note = total == 0 ? "No \(s.pane.title.lowercased()) in this case" : "No rows match the filter (\\ to change it)"
            g.put(note, x: rect.x + gutter, y: rect.y + 1, role: .dim, maxWidth: rect.width - gutter)
            return
        }
        let highlight = (s.prompt?.purpose == .search ? s.prompt?.editor.text : s.lastSearch)?.lowercased() ?? ""
        for line in 0..<rows {
            let index = pane.top + line
            guard index < pane.rows.count, let record = view.content.record(id: pane.rows[index]) else { break }
            let y = rect.y + 1 + line
            let selected = index == pane.cursor
            let base: Role = selected ? .rowSelected : (pane.marks.contains(record.id) ? .rowMarked : .text)
            g.fill(x: rect.x, y: y, width: rect.width, height: 1, role: base)
            if selected { g.put(theme.glyphs.pointer, x: rect.x, y: y, role: base) }
            else if pane.marks.contains(record.id) { g.put(theme.glyphs.mark, x: rect.x, y: y, role: base) }
            x = rect.x + gutter
            for (i, c) in columns.enumerated() {
                guard let w = widths[i] else { continue }
                let text = cell(c, record, view, width: w, theme)
                g.put(text, x: x, y: y, role: selected ? base : role(for: c, record))
                if !highlight.isEmpty { paintMatches(of: highlight, in: text, x: x, y: y, into: &g) }
                x += w + 1
            }
            if selected { g.cursor = (rect.x, y) }
        }
    }

    /// A cell's text fitted to its width; a column with a suffix to keep is cut before the suffix.
    static func cell(_ c: Column, _ record: AnyRecord, _ view: CaseView, width w: Int, _ theme: Theme) -> String {
        let full = c.text(record, view)
        if let suffix = c.keepSuffix?(record, view), !suffix.isEmpty, full.hasSuffix(suffix), TextWidth.of(full) > w {
            let room = w - TextWidth.of(suffix)
            if room >= 4 {
                let head = String(full.dropLast(suffix.count))
                return TextWidth.fit(TextWidth.truncate(head, to: room, ellipsis: theme.glyphs.ellipsis) + suffix, to: w)
            }
        }
        return TextWidth.fit(full, to: w, alignRight: c.alignRight, ellipsis: theme.glyphs.ellipsis)
    }

    /// Roles that carry meaning beyond plain text; the text itself says the same thing in words.
    static func role(for column: Column, _ record: AnyRecord) -> Role {
        switch column.id {
        case "loss": return .amountLoss
        case "amount", "usd", "losses": return .amount
        case "attribution":
            guard case .incident(let i) = record, let a = i.strongestAttribution else { return .text }
            switch a.level {
            case .none, .unknown: return .confidenceNone
            case .low: return .confidenceLow
            case .moderate: return .confidenceModerate
            case .high: return .confidenceHigh
            }
        default: return .text
        }
    }

    /// Marks each occurrence of `needle` (lower-cased) in a drawn cell with the match role.
    static func paintMatches(of needle: String, in text: String, x: Int, y: Int, into g: inout Grid) {
        let chars = Array(text)
        let lower = chars.map { Character($0.lowercased()) == $0 ? $0 : (String($0).lowercased().count == 1 ? Character(String($0).lowercased()) : $0) }
        let n = Array(needle)
        guard !n.isEmpty, n.count <= lower.count else { return }
        var i = 0
        while i + n.count <= lower.count {
            if Array(lower[i..<i + n.count]) == n {
                let col = x + chars[..<i].reduce(0) { $0 + TextWidth.of($1) }
                g.paint(x: col, y: y, count: chars[i..<i + n.count].reduce(0) { $0 + TextWidth.of($1) }, role: .match)
                i += n.count
            } else {
                i += 1
            }
        }
    }
}
