import CasebookModel
import Foundation
import Synchronization

// Search (/ n N), filter (\), sort (o O) and the frequency view (F) on the focused pane.

extension AppState {
    /// The first row matching `pattern` from `start` in a direction, wrapping; nil if none.
    /// Rows are scanned in blocks, each split over both cores; the first block with a match wins.
    /// With `waiting` false, returns nil at once (and sets `searchPending`) while the loader is
    /// still preparing the pane's search text.
    func findRow(_ pattern: String, from start: Int, forward: Bool) -> Int? {
        var pending = false
        return findRow(pattern, from: start, forward: forward, waiting: true, pending: &pending)
    }

    func findRow(_ pattern: String, from start: Int, forward: Bool, waiting: Bool, pending: inout Bool) -> Int? {
        guard let view, !pattern.isEmpty else { return nil }
        let slots = current.slots
        let n = slots.count
        guard n > 0 else { return nil }
        let needle = Array(pattern.lowercased().utf8)
        let ready = waiting ? view.searchText.table(for: pane, in: view) : view.searchText.tableIfAvailable(for: pane, in: view)
        guard let table = ready else {
            pending = true
            return nil
        }
        func row(_ step: Int) -> Int { forward ? (start + step) % n : ((start - step) % n + n) % n }
        let matcher = TextMatcher(table, pane, needle: needle, view: view)
        // The ledger answers every slot at once, in slot order (its arrays read front to back:
        // in a sorted pane's order they were read at random, three times slower); then the
        // first answer in screen order wins.
        if let answers = matcher.rowAnswers() {
            return answers.withUnsafeBufferPointer { a in
                (0..<n).lazy.map(row).first { Int(slots[$0]) < a.count && a[Int(slots[$0])] }
            }
        }
        let block = 65_536
        var from = 0
        while from < n {
            let to = min(n, from + block)
            let found = Mutex<[Int: Int]>([:])
            ParallelSort.halves(to - from) { range, part in
                var scratch: [UInt8] = []
                for step in range where matcher.row(slots[row(from + step)], &scratch) {
                    found.withLock { $0[part] = from + step }
                    return
                }
            }
            if let step = found.withLock({ $0[0] ?? $0[1] }) { return row(step) }
            from = to
        }
        return nil
    }

    public mutating func beginSearch() {
        focus = .list
        prompt = Prompt(purpose: .search, editor: LineEditor(), origin: current.cursor)
    }

    /// Called after each keystroke in the search prompt: jump to the first match from the origin.
    /// Never waits for the search text the loader is still preparing after a big case opened:
    /// says so, and the loop calls this again until it is ready (`searchPending`).
    mutating func updateIncrementalSearch() {
        searchPending = false
        guard let prompt, prompt.purpose == .search else { return }
        let pattern = prompt.editor.text
        var p = current
        var pending = false
        if pattern.isEmpty {
            p.cursor = prompt.origin
        } else if let i = findRow(pattern, from: prompt.origin, forward: true, waiting: false, pending: &pending) {
            p.cursor = i
            message = nil
            promptHint = nil
        } else if pending {
            searchPending = true
            promptHint = "preparing the search text (the first search after opening a big case)…"
        } else {
            promptHint = nil
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
            say("\(p.rows.count) of \(view.rowCount(pane)) \(pane.title.lowercased()) match \(text)")
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
        overlay = .frequency(FrequencyTable(pane: pane, columnIndex: current.column, slots: current.slots, view: view), selection: 0, scroll: 0)
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
