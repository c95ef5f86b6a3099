import CasebookModel
import CasebookTesting
import CasebookUI
import Testing

/// A user browses the demo case with the keyboard and reads what the screen says.
@Suite struct BrowsingTests {
    @Test func opensOnIncidentsWithHeaderTabsAndFooter() {
        let s = Demo.scenario()
        let lines = s.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("DPRK exchange hacks and laundering (demo)"))
        #expect(lines[0].contains("TLP:CLEAR"))
        #expect(lines[0].contains("10 incidents · USD 132,000,000.00 stated"))
        #expect(lines[1].contains("[ 1 Incidents 10 ]") && lines[1].contains("2 Actors 16") && lines[1].contains("3 Funds ledger 11"))
        #expect(lines[2].contains("Date") && lines[2].contains("Loss USD") && lines[2].contains("Attribution"))
        #expect(lines.last!.contains("j/k move") && lines.last!.contains("/ search") && lines.last!.contains("? help"))
        // The first row is selected, shown by a pointer as well as colour, and its detail is shown.
        #expect(lines[3].hasPrefix("▶ 2014"))
        #expect(s.screen.contains("Incident: Sony Pictures hack (2014)"))
    }

    @Test func movingPagingAndSwitchingPanes() {
        let s = Demo.scenario()
        s.press("j", "j")
        #expect(s.state.current.cursor == 2)
        s.press("G")
        #expect(s.state.current.cursor == 9)
        s.press("g")
        #expect(s.state.current.cursor == 0)
        s.press("2")
        #expect(s.state.pane == .actors)
        #expect(s.screen.contains("[ 2 Actors 16 ]"))
        s.press("Tab")
        #expect(s.state.pane == .ledger)
        s.press("Shift-Tab", "Shift-Tab")
        #expect(s.state.pane == .incidents)
        s.press("3", "Ctrl-D")
        #expect(s.state.current.cursor == 10, "a page down on 11 rows lands on the last")
    }

    @Test func koreanNamesAlignInTheActorsPane() {
        let s = Demo.scenario()
        s.press("2")
        s.press("\\")
        s.type("박진혁")
        s.press("Enter")
        let row = s.row(containing: "Park Jin Hyok")!
        let header = s.row(containing: "Aliases")!
        // 박진혁 is 6 columns wide: the Sanctioned column starts where its header does.
        func col(_ line: String, _ word: String) -> Int {
            let prefix = line[..<line.range(of: word)!.lowerBound]
            return TextWidth.of(String(prefix))
        }
        #expect(col(row, "yes: ") == col(header, "Sanctioned"))
        #expect(row.contains("박진혁"))
    }

    @Test func enterOpensTheDetailAndFollowsLinksEscComesBack() {
        let s = Demo.scenario()
        s.press("/").type("Bithumb hack (2018)").press("Enter")
        #expect(s.state.current.selectedID == "inc-bithumb-2018")
        s.press("Enter")
        #expect(s.state.focus == .detail)
        #expect(s.screen.contains("Linked records"), "the selection starts on the first link")
        let links = s.state.detailLinks
        let transferIndex = links.firstIndex { $0.label == "transfer" }!
        for _ in 0..<transferIndex { s.press("j") }
        s.press("Enter")
        #expect(s.state.pane == .ledger, "following a transfer link jumps to the ledger")
        #expect(s.state.current.selectedID == links[transferIndex].id)
        #expect(s.screen.contains("Transfer:"))
        s.press("Esc")
        #expect(s.state.pane == .incidents && s.state.current.selectedID == "inc-bithumb-2018")
        s.press("Esc")
        #expect(s.state.focus == .list)
    }

    @Test func tooSmallSaysSoAndNothingCrashesAtAnySize() {
        let s = Demo.scenario()
        for (w, h) in [(59, 15), (60, 14), (40, 12), (1, 1), (0, 0), (2, 30), (300, 3)] {
            s.resize(w, h)
            let screen = s.screen
            if w >= 18 && h >= 1 { #expect(screen.contains("Terminal too small"), "\(w)×\(h)") }
        }
        s.resize(60, 15)
        #expect(!s.screen.contains("too small"))
        #expect(s.screen.contains("Incidents"))
        s.resize(400, 100)
        #expect(s.screen.contains("Loss USD"))
    }

    @Test func helpAndPaletteComeFromTheRegistry() {
        let s = Demo.scenario()
        s.press("?")
        for c in CommandRegistry.standard.commands.prefix(12) { #expect(s.screen.contains(c.name), "\(c.name) in help") }
        s.press("Esc", ":")
        s.type("sortdesc")
        #expect(s.screen.contains("sort-descending"))
        s.press("Enter")
        #expect(s.state.current.sortColumn == 0 && s.state.current.sortDescending)
    }

    @Test func escapeSequencesInTheCaseNeverReachTheScreen() throws {
        var c = Demo.content
        let editor = Editor(author: "t", time: "2026-01-01T00:00:00Z")
        try c.apply(editor.set(field: "name", value: "Evil\u{1B}[2J\u{1B}]0;owned\u{07}", id: "act-lazarus", in: c))
        try c.apply(editor.addNote("note \u{9B}31m red", to: ["act-lazarus"], in: c))
        let s = Scenario(case: c, width: 120, height: 60)
        s.press("2", "/").type("Evil").press("Enter")
        #expect(s.screen.contains("Evil\\u{1b}[2J"))
        s.press("Enter", "k")   // into the detail, and up from the first link onto the last note
        let screen = s.screen
        #expect(!screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(screen.contains("Evil\\u{1b}[2J"))
        #expect(screen.contains("note \\u{9b}31m red"))
    }
}
