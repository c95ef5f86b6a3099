import CasebookModel
import CasebookReport
import CasebookStore
import CasebookUI
import Foundation

// The figures that are about the case file rather than the screen: opening (records, then the
// screen's indexes and totals), the first frame while a load runs, an annotation made durable,
// compaction and the printable summary.

enum BenchStore {
    /// Opening as the screen does, and its parts. Returns the figures and the median open time.
    static func open(_ path: String, runs: Int) -> [BenchFigure] {
        var opens: [Double] = [], stores: [Double] = [], views: [Double] = [], links: [Double] = []
        for _ in 0..<runs {
            // Each result is let go of outside the timing: freeing a million records takes a while.
            var store: CaseStore?, view: CaseView?, loaded: LoadedCase?
            stores.append(BenchTable.time { store = try? CaseStore(opening: path, mode: .readOnly) })
            views.append(BenchTable.time { view = CaseView(store!.content) })
            // The detail view's transfer lists and the ledger's sort arrays are still being made
            // when the screen is navigable.
            links.append(BenchTable.time {
                while view?.backgroundReady == false { usleep(500) }
            })
            store = nil
            view = nil
            opens.append(BenchTable.time { loaded = try? CaseLoader.open(path, readOnly: true).get() })
            // Its background work would otherwise run into the next run's figures.
            while loaded?.view.backgroundReady == false { usleep(500) }
            loaded = nil
            _ = (store, view, loaded)
        }
        return [BenchFigure(label: "open to a navigable screen (records + totals)", samples: opens, target: 1000),
                BenchFigure(label: "  of which: read the file into records", samples: stores),
                BenchFigure(label: "  of which: screen indexes and totals (CaseView)", samples: views),
                BenchFigure(label: "linked lists and ledger sort arrays ready after that (background)", samples: links)]
    }

    /// From starting a load to the first frame, which shows the load's progress.
    static func firstFrame(_ path: String, runs: Int) -> BenchFigure {
        var samples: [Double] = []
        for _ in 0..<runs {
            var loader: CaseLoader?
            samples.append(BenchTable.time {
                loader = CaseLoader(path: path, readOnly: true)
                _ = App(file: path, theme: .mono).frame(width: 120, height: 35)
            })
            // The loader warms search text after it publishes: let it finish, or it runs into the next figure.
            while loader?.isFinished == false { Thread.sleep(forTimeInterval: 0.01) }
        }
        return BenchFigure(label: "first frame, with load progress", samples: samples, target: 150)
    }

    /// From starting a load to the moment its incidents and actors can be browsed (the reader's
    /// preview), while the rest of the case loads.
    static func firstPanes(_ path: String, runs: Int) -> BenchFigure {
        var samples: [Double] = []
        for _ in 0..<runs {
            let loader = CaseLoader(path: path, readOnly: true)
            samples.append(BenchTable.time {
                while loader.preview == nil && loader.result == nil { usleep(200) }
            })
            // The loader warms search text after it publishes: let it finish, or it runs into the next figure.
            while !loader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        }
        return BenchFigure(label: "incidents and actors browsable while the rest loads", samples: samples)
    }

    /// Notes made durable through the store (journal append + fsync), then compaction and the
    /// summary on the same store.
    static func writes(_ path: String, runs: Int, summaryRuns: Int) throws -> [BenchFigure] {
        let store = try CaseStore(opening: path)
        defer { try? store.close() }
        let target = store.content.transfers.keys.min()!
        var notes: [Double] = []
        for k in 0..<60 {
            let edit = try Editor(author: "bench", time: "2026-11-22T12:00:00Z").addNote("bench note \(k)", to: [target], in: store.content)
            notes.append(BenchTable.time { _ = try? store.apply(edit) })
        }
        var compactions: [Double] = []
        for _ in 0..<runs { compactions.append(try BenchTable.time { try store.compact() }) }
        var summaries: [Double] = []
        for _ in 0..<summaryRuns {
            summaries.append(BenchTable.time {
                let s = Summary(case: store.content, options: SummaryOptions(generated: "2026-11-22T12:00:00Z", author: "bench"))
                _ = TextRenderer().render(s)
            })
        }
        return [BenchFigure(label: "annotation durable (store: journal append + fsync)", samples: notes, target: 5, judgeP99: true),
                BenchFigure(label: "compaction (rewrite the case file)", samples: compactions, target: 2000),
                BenchFigure(label: "summary (SummaryBuilder + TextRenderer)", samples: summaries, target: 1500)]
    }
}
