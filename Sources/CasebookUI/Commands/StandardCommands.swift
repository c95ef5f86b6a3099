// The default commands and keys (DESIGN.md), in the order help lists them. Keys for annotation
// (A t c = a e E d u Ctrl-R @ Space v) arrive with on-screen editing.

extension CommandRegistry {
    public static var standard: CommandRegistry {
        let hasCase: @Sendable (AppState) -> Bool = { $0.view != nil }
        let inList: @Sendable (AppState) -> Bool = { $0.view != nil && $0.focus == .list }
        return CommandRegistry([
            Command("move-down", keys: [.char("j"), .down], help: "Move down one row", footer: "move") { s, _ in s.move(by: 1); return .none },
            Command("move-up", keys: [.char("k"), .up], help: "Move up one row") { s, _ in s.move(by: -1); return .none },
            Command("go-top", keys: [.char("g"), .home], help: "Go to the first row") { s, _ in s.moveToEdge(bottom: false); return .none },
            Command("go-bottom", keys: [.char("G"), .end], help: "Go to the last row") { s, _ in s.moveToEdge(bottom: true); return .none },
            Command("page-down", keys: [.pageDown, .ctrl("d")], help: "Page down") { s, m in s.move(by: max(1, m.listHeight - 1)); return .none },
            Command("page-up", keys: [.pageUp, .ctrl("u")], help: "Page up") { s, m in s.move(by: -max(1, m.listHeight - 1)); return .none },
            Command("next-pane", keys: [.tab], help: "Switch to the next pane", footer: "pane") { s, _ in
                s.switchPane(PaneKind(rawValue: (s.pane.rawValue + 1) % 3)!); return .none },
            Command("previous-pane", keys: [.backTab], help: "Switch to the previous pane") { s, _ in
                s.switchPane(PaneKind(rawValue: (s.pane.rawValue + 2) % 3)!); return .none },
            Command("show-incidents", keys: [.char("1")], help: "Show the incidents pane") { s, _ in s.switchPane(.incidents); return .none },
            Command("show-actors", keys: [.char("2")], help: "Show the actors pane") { s, _ in s.switchPane(.actors); return .none },
            Command("show-ledger", keys: [.char("3")], help: "Show the funds ledger") { s, _ in s.switchPane(.ledger); return .none },
            Command("column-left", keys: [.char("h"), .left], help: "Move to the column on the left (for sort, filter, frequency)", enabled: inList) { s, _ in
                s.moveColumn(by: -1); return .none },
            Command("column-right", keys: [.char("l"), .right], help: "Move to the column on the right", enabled: inList) { s, _ in
                s.moveColumn(by: 1); return .none },
            Command("open", keys: [.enter], help: "Open the selected record; in the detail view, follow the selected link",
                    footer: "open", enabled: hasCase) { s, _ in s.openDetail(); return .none },
            Command("back", keys: [.escape], help: "Back: leave the detail view, or return to the record before",
                    footer: "back", enabled: { $0.focus == .detail }) { s, _ in s.back(); return .none },
            Command("search", keys: [.char("/")], help: "Search the pane as you type", footer: "search", enabled: hasCase) { s, _ in
                s.beginSearch(); return .none },
            Command("search-next", keys: [.char("n")], help: "Next search match", enabled: inList) { s, _ in s.searchAgain(forward: true); return .none },
            Command("search-previous", keys: [.char("N")], help: "Previous search match", enabled: inList) { s, _ in
                s.searchAgain(forward: false); return .none },
            Command("filter", keys: [.char("\\")], help: "Filter rows: text, field:value, amount>1000000, tag:x, !negates; empty clears",
                    footer: "filter", enabled: hasCase) { s, _ in s.beginFilter(); return .none },
            Command("sort-ascending", keys: [.char("o")], help: "Sort by the current column, ascending (stable)", footer: "sort",
                    enabled: inList) { s, _ in s.sortByCurrentColumn(descending: false); return .none },
            Command("sort-descending", keys: [.char("O")], help: "Sort by the current column, descending (stable)", enabled: inList) { s, _ in
                s.sortByCurrentColumn(descending: true); return .none },
            Command("frequency", keys: [.char("F")], help: "Group by the current column: counts and exact sums", footer: "freq",
                    enabled: inList) { s, _ in s.openFrequency(); return .none },
            Command("cycle-theme", keys: [.char("T")], help: "Switch to the next theme") { _, _ in .cycleTheme },
            Command("help", keys: [.char("?"), .function(1)], help: "Show every key", footer: "help") { s, _ in
                s.overlay = .help(scroll: 0); return .none },
            Command("command-palette", keys: [.char(":")], help: "Find and run a command by name", footer: "cmds") { s, _ in
                s.overlay = .palette(editor: LineEditor(), selection: 0); return .none },
            Command("redraw", keys: [.ctrl("l")], help: "Redraw the screen") { _, _ in .redraw },
            Command("suspend", keys: [.ctrl("z")], help: "Suspend to the shell (fg resumes)") { _, _ in .suspend },
            Command("close-view", keys: [.char("q")], help: "Close the current view; quit from the panes") { s, _ in
                if s.focus == .detail { s.focus = .list; s.detailStack = []; return .none }
                s.quit = true
                return .quit
            },
            Command("quit", keys: [.char("Q")], help: "Quit Casebook", footer: "quit") { s, _ in s.quit = true; return .quit },
        ] + annotationCommands())
    }
}
