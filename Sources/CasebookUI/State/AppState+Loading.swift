// While a big case loads, its incidents and actors (read first) are shown at once: the loader's
// preview. The ledger fills in when the whole file is read. Until then only what browses runs;
// an edit, a summary or the history would act on a case that is not all there.

extension AppState {
    /// Commands that only look (move, open, search, filter, sort, count, help, themes, marks, quit).
    static let browsingCommands: Set<String> = [
        "move-down", "move-up", "go-top", "go-bottom", "page-down", "page-up", "next-pane", "previous-pane",
        "show-incidents", "show-actors", "show-ledger", "column-left", "column-right", "open", "back",
        "search", "search-next", "search-previous", "filter", "sort-ascending", "sort-descending", "frequency",
        "mark", "mark-range", "clear-marks", "cycle-theme", "help", "command-palette", "redraw", "suspend",
        "close-view", "quit",
    ]

    /// Whether `command` may run now; if not, says why.
    mutating func mayRun(_ command: Command) -> Bool {
        guard partial, !Self.browsingCommands.contains(command.name) else { return true }
        say("Still loading the case (\(loadingPercent)%): \(command.name) waits until it is all read", error: true)
        return false
    }

    /// The load's progress as a whole percentage.
    var loadingPercent: Int { Int(max(0, min(1, loading ?? 0)) * 100) }

    /// Shows the loader's preview of a case still loading.
    mutating func showPartial(_ view: CaseView, progress: Double) {
        show(view)
        partial = true
        loading = progress
    }
}
