import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Foundation

// Prints how long the screen's work takes on a synthetic case of N transfers (SyntheticCase, as
// `casebook generate` writes it): opening, the first
// frame, keystrokes, search, filter, sort, frequency, and an annotation made durable. Each figure
// is the median of several runs, with min and max. Run in release mode:
//
//     swift run -c release casebook-bench 100000
//
// The targets for a million transfers, and the comparison with orjson, jq and VisiData, are the
// speed work's; this is the measuring stick for what exists now.

@main
struct Bench {
    static func main() throws {
        let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let folder = NSTemporaryDirectory() + "casebook-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for n in sizes.isEmpty ? [100_000] : sizes {
            try run(transfers: n, folder: folder)
        }
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    static func report(_ label: String, _ samples: [Double], per: Int = 1) {
        let s = samples.map { $0 / Double(per) }.sorted()
        func f(_ v: Double) -> String { String(format: v < 10 ? "%8.2f" : "%8.0f", v) }
        print("  \(label.padding(toLength: 44, withPad: " ", startingAt: 0)) median \(f(s[s.count / 2])) ms   min \(f(s.first!))   max \(f(s.last!))")
    }

    static func run(transfers n: Int, folder: String) throws {
        let path = folder + "/bench-\(n).case.json"
        let content = SyntheticCase.make(transfers: n)
        try CaseStore.create(at: path, document: CaseDocument(content: content))
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("\(n) transfers, \(size / 1_000_000) MB case file")
        let runs = 5

        var opens: [Double] = [], views: [Double] = []
        var loaded: LoadedCase?
        for _ in 0..<runs {
            opens.append(try time { loaded = try CaseLoader.open(path, readOnly: true).get() })
            views.append(time { _ = CaseView(loaded!.store.content) })
        }
        report("open: read + parse + records", opens.map { $0 - (views.first ?? 0) })
        report("open: screen indexes (CaseView)", views)

        let scenario = try Scenario(file: path)
        var frames: [Double] = [], moves: [Double] = [], pages: [Double] = []
        for _ in 0..<runs {
            frames.append(time { _ = scenario.frame })
            moves.append(time { for _ in 0..<100 { scenario.press("j"); _ = scenario.frame } })
            pages.append(time { for _ in 0..<100 { scenario.press("PgDn"); _ = scenario.frame } })
        }
        report("first frame", frames)
        report("keystroke + frame: move (j)", moves, per: 100)
        report("keystroke + frame: page (PgDn)", pages, per: 100)
        scenario.press("3")
        var warm: [Double] = []
        warm.append(time { scenario.app.state.view!.searchText.warm(scenario.app.state.view!) })
        report("search text, prepared after load", warm)
        var search: [Double] = [], filter: [Double] = [], sort: [Double] = [], freq: [Double] = [], note: [Double] = []
        for _ in 0..<runs {
            search.append(time { scenario.press("/"); scenario.type("~^~") })   // no match: every row scanned
            scenario.press("Esc")
            filter.append(time { scenario.press("\\"); scenario.type("amount>500000"); scenario.press("Enter") })
            scenario.press("\\", "Ctrl-U", "Enter")
            sort.append(time { scenario.press("l", "l", "l", "l", "O") })
            scenario.press("g")
            freq.append(time { scenario.press("h", "h", "h", "F"); _ = scenario.frame })
            scenario.press("Esc", "g")
            note.append(time { scenario.press("A"); scenario.type("benchmark note"); scenario.press("Enter") })
        }
        report("search, 3 keystrokes, no match", search, per: 3)
        report("filter amount>500000", filter)
        report("sort by amount (stable, after earlier sorts)", sort)
        report("frequency by source wallet", freq)
        report("note: journal append + fsync + screen", note)
        _ = scenario.app.close()
        print()
    }
}
