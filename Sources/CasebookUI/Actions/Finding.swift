import CasebookModel
import Foundation

// Search (/ n N), filter (\), sort (o O) and the frequency view (F) on the focused pane.

extension AppState {
    /// The first row matching `pattern` from `start` in a direction, wrapping; nil if none.
    func findRow(_ pattern: String, from start: Int, forward: Bool) -> Int? {
        guard let view, !pattern.isEmpty else { return nil }
        let rows = current.rows
        guard !rows.isEmpty else { return nil }
        let needle = Array(pattern.lowercased().utf8)
        let table = view.searchText.table(for: pane, in: view)
        for step in 0..<rows.count {
            let i = forward ? (start + step) % rows.count : (start - step + rows.count * 2) % rows.count
            if table.contains(rows[i], needle) { return i }
        }
        return nil
    }

    public mutating func beginSearch() {
        focus = .list
        prompt = Prompt(purpose: .search, editor: LineEditor(), origin: current.cursor)
    }

    /// Called after each keystroke in the search prompt: jump to the first match from the origin.
    mutating func updateIncrementalSearch() {
        guard let prompt, prompt.purpose == .search else { return }
        let pattern = prompt.editor.text
        var p = current
        if pattern.isEmpty {
            p.cursor = prompt.origin
        } else if let i = findRow(pattern, from: prompt.origin, forward: true) {
            p.cursor = i
            message = nil
        } else {
            say("No match for \(pattern)", error: true)
        }
        current = p
    }

    public mutating func searchAgain(forward: Bool) {
        guard let pattern = lastSearch, !pattern.isEmpty else {
            say("No search yet: press / to search", error: true)
            return
        }
        let start = forward ? current.cursor + 1 : current.cursor - 1
        guard let i = findRow(pattern, from: start, forward: forward) else {
            say("No match for \(pattern)", error: true)
            return
        }
        var p = current
        if forward && i <= current.cursor { say("Search wrapped to the top") }
        else if !forward && i >= current.cursor { say("Search wrapped to the bottom") }
        else { message = nil }
        p.cursor = i
        current = p
    }

    public mutating func beginFilter() {
        focus = .list
        prompt = Prompt(purpose: .filter, editor: LineEditor(current.filter?.text ?? ""), origin: current.cursor)
    }

    public mutating func applyFilter(_ text: String) {
        guard let view else { return }
        var p = current
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            p.setFilter(nil, view)
            current = p
            say("Filter cleared")
            return
        }
        do {
            let query = try FilterQuery(text, columns: pane.columns)
            p.setFilter(query, view)
            current = p
            say("\(p.rows.count) of \(view.baseRows[pane]?.count ?? 0) \(pane.title.lowercased()) match \(text)")
        } catch {
            say("Filter: \(error.message)", error: true)
        }
    }

    public mutating func sortByCurrentColumn(descending: Bool) {
        guard let view else { return }
        var p = current
        p.setSort(column: p.column, descending: descending, view)
        current = p
        say("Sorted by \(pane.columns[p.column].title) \(descending ? "descending" : "ascending")")
    }

    public mutating func openFrequency() {
        guard let view else { return }
        let column = pane.columns[current.column]
        overlay = .frequency(FrequencyTable(pane: pane, column: column, ids: current.rows, view: view), selection: 0, scroll: 0)
    }

    /// Enter in the frequency view: filter the pane to the chosen value.
    mutating func filterToFrequencyRow(_ table: FrequencyTable, _ index: Int) {
        guard table.rows.indices.contains(index) else { return }
        overlay = nil
        let value = table.rows[index].value
        if table.columnID == "attribution" {
            // Grouped by actor name while the column shows "name (level n)": match the name.
            applyFilter("attribution:\"\(value)\"")
        } else {
            applyFilter("\(table.columnID)=\"\(value)\"")
        }
    }
}
