import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Foundation

// The screen's figures, driven as a user would through Scenario: keystrokes (each timed with
// the frame it produces, so p99 is per keystroke), search, filter, sort, frequency and a note.

enum BenchScreen {
    /// `frequency FILE [RUNS]`: the frequency view by source wallet alone, as in `figures`, for
    /// profiling (each run's ms on a line).
    static func frequencyOnly(_ path: String, runs: Int) throws {
        let scenario = try Scenario(file: path)
        defer { _ = scenario.app.close() }
        scenario.press("3")
        scenario.app.state.view!.searchText.warm(scenario.app.state.view!)
        for _ in 0..<runs {
            for _ in 0..<12 { scenario.press("h") }
            print("frequency-ms", BenchTable.time { scenario.press("l", "F"); _ = scenario.frame })
            scenario.press("Esc")
        }
    }

    static func figures(_ path: String, runs: Int) throws -> [BenchFigure] {
        let scenario = try Scenario(file: path)
        defer { _ = scenario.app.close() }
        var firstFrames: [Double] = [], moves: [Double] = [], pages: [Double] = [], panes: [Double] = []
        for _ in 0..<runs {
            firstFrames.append(BenchTable.time { _ = scenario.frame })
            for _ in 0..<100 { moves.append(BenchTable.time { scenario.press("j"); _ = scenario.frame }) }
            for _ in 0..<100 { pages.append(BenchTable.time { scenario.press("PgDn"); _ = scenario.frame }) }
            for key in ["1", "2", "3", "Tab", "Tab", "Tab", "3"] { panes.append(BenchTable.time { scenario.press(key); _ = scenario.frame }) }
        }
        scenario.press("3")
        let warm = BenchTable.time { scenario.app.state.view!.searchText.warm(scenario.app.state.view!) }
        var search: [Double] = [], digits: [Double] = [], textFilter: [Double] = [], filter: [Double] = [], sort: [Double] = [], freq: [Double] = [], note: [Double] = []
        for _ in 0..<runs {
            search.append(BenchTable.time { scenario.press("/"); scenario.type("~^~") } / 3)   // no match: every row scanned
            scenario.press("Esc")
            // Digits could be in an amount, so those with room for them are written out and searched
            // (LedgerMatch, NumberNeedle): a slow case, a long number the case does not hold.
            scenario.press("/")
            scenario.type("123456789012")
            digits.append(BenchTable.time { scenario.type("3") })
            scenario.press("Esc")
            filter.append(BenchTable.time { scenario.press("\\"); scenario.type("amount>500000"); scenario.press("Enter") })
            scenario.press("\\", "Ctrl-U", "Enter")
            textFilter.append(BenchTable.time { scenario.press("\\"); scenario.type("from:upbit"); scenario.press("Enter") })
            scenario.press("\\", "Ctrl-U", "Enter")
            // From the first column each run: Amount is four to the right, From one.
            for _ in 0..<12 { scenario.press("h") }
            sort.append(BenchTable.time { scenario.press("l", "l", "l", "l", "O") })
            scenario.press("g")
            freq.append(BenchTable.time { scenario.press("h", "h", "h", "F"); _ = scenario.frame })
            scenario.press("Esc", "g")
            note.append(BenchTable.time { scenario.press("A"); scenario.type("benchmark note"); scenario.press("Enter") })
        }
        return [
            BenchFigure(label: "first frame of the opened case", samples: firstFrames, target: 150),
            BenchFigure(label: "keystroke → frame: move (j)", samples: moves, target: 16, judgeP99: true),
            BenchFigure(label: "keystroke → frame: page (PgDn)", samples: pages, target: 16, judgeP99: true),
            BenchFigure(label: "keystroke → frame: switch pane (1 2 3 Tab)", samples: panes, target: 16, judgeP99: true),
            BenchFigure(label: "search text prepared after load (background)", samples: [warm]),
            BenchFigure(label: "search, per keystroke, no match", samples: search, target: 200),
            BenchFigure(label: "search for 13 digits (amounts with 13 decimals or more written out), no match", samples: digits, target: 200),
            BenchFigure(label: "filter amount>500000", samples: filter, target: 200),
            BenchFigure(label: "filter from:upbit", samples: textFilter, target: 200),
            BenchFigure(label: "sort ledger by amount", samples: sort, target: 200),
            BenchFigure(label: "frequency by source wallet", samples: freq, target: 200),
            BenchFigure(label: "note on screen: journal + fsync + frame", samples: note),
        ]
    }
}
