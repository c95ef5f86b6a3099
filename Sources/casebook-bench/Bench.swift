import CasebookModel
import CasebookStore
import Foundation

// Issue 6's measuring stick. For synthetic cases (SyntheticCase, as `casebook generate` writes
// them) of 100,000 and 1,000,000 transfers, or the sizes given, it prints each figure's median,
// min and max over several runs (p99 for keystrokes), the target and PASS or FAIL, then the same
// file through orjson, Python's json and jq. Run in release mode:
//
//     swift run -c release casebook-bench                 # 100k and 1M
//     swift run -c release casebook-bench 250000          # other sizes
//
// Timings on a shared two-core machine vary by ±15-30 % from run to run: read medians.

@main
struct Bench {
    static func main() throws {
        ProcessMemory.returnFreedBuffers()   // as casebook does
        let args = Array(CommandLine.arguments.dropFirst())
        if args.count == 2 && args[0] == "open" { return BenchChild.open(args[1]) }
        if args.count == 2 && args[0] == "open-records" { return BenchChild.open(args[1], view: false) }
        if args.count == 2 && args[0] == "open-warm" { return BenchChild.open(args[1], warm: true) }
        if args.count == 2 && args[0] == "summary" { return try BenchChild.summary(args[1]) }
        if args.count == 2 && args[0] == "compact" { return try BenchChild.compact(args[1]) }
        if args.count == 3 && args[0] == "phase" { return try BenchChild.phase(args[1], args[2]) }
        if args.count >= 2 && args[0] == "frequency" { return try BenchScreen.frequencyOnly(args[1], runs: args.count > 2 ? Int(args[2]) ?? 5 : 5) }
        if args.count >= 2 && args[0] == "screen" { return try screenOnly(args[1], runs: args.count > 2 ? Int(args[2]) ?? 3 : 3) }
        let sizes = args.compactMap { Int($0) }
        let folder = NSTemporaryDirectory() + "casebook-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for n in sizes.isEmpty ? [100_000, 1_000_000] : sizes {
            try run(transfers: n, folder: folder)
        }
    }

    static func run(transfers n: Int, folder: String) throws {
        let path = folder + "/bench-\(n).case.json"
        let made = BenchTable.time {
            _ = try? CaseStore.create(at: path, document: CaseDocument(content: SyntheticCase.make(transfers: n)))
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let runs = n >= 1_000_000 ? 3 : 5
        print("\(n) transfers, \(size / 1_000_000) MB case file (generated in \(Int(made / 1000)) s); \(runs) runs per figure, ",
              "load average \(loadAverage())")
        BenchTable.header()
        var figures = BenchStore.open(path, runs: runs)
        figures.append(BenchStore.firstPanes(path, runs: runs))
        figures.append(BenchStore.firstFrame(path, runs: runs))
        var compared = (open: figures[0].median, records: figures[1].median)
        var children: [(storeMB: Double, screenMB: Double, warmMB: Double, storeMS: Double, viewMS: Double)] = []
        for _ in 0..<runs { if let child = BenchChild.measure(path) { children.append(child) } }
        if !children.isEmpty {
            // A person opens a case in a new process, whose heap and threads are not yet warm
            // from an earlier open: the same two parts, timed there.
            let fresh = BenchFigure(label: "open to a navigable screen, in a fresh process", samples: children.map { $0.storeMS + $0.viewMS },
                                    target: 1000)
            let freshRecords = BenchFigure(label: "  records alone, in a fresh process", samples: children.map(\.storeMS))
            figures += [fresh, freshRecords]
            // The other readers are timed as whole processes too.
            compared = (fresh.median, freshRecords.median)
            figures.append(BenchFigure(label: "peak memory opening to the screen (child, VmHWM)", samples: children.map(\.screenMB),
                                       target: 700, unit: .MB))
            figures.append(BenchFigure(label: "  peak with the records alone (child, VmHWM)", samples: children.map(\.storeMB), unit: .MB))
            // What a session holds seconds later, once the loader has made the search text and
            // the ledger's column texts: the same target, since a person sees this one too.
            figures.append(BenchFigure(label: "peak memory once the search text is made (child)", samples: children.map(\.warmMB),
                                       target: 700, unit: .MB))
        } else {
            print("  (peak memory: the child process did not report)")
        }
        figures.forEach(BenchTable.print)
        // The summary of a million transfers takes tens of seconds today: one run there.
        let writes = try BenchStore.writes(path, runs: runs, summaryRuns: runs)
        writes.forEach(BenchTable.print)
        try BenchScreen.figures(path, runs: runs).forEach(BenchTable.print)
        BenchExternal.compare(path, casebookMS: compared.open, recordsMS: compared.records, runs: 3)
        print()
    }

    /// Only the screen's figures, on a case file made before (`casebook generate`): quicker to iterate on.
    ///
    ///     swift run -c release casebook-bench screen /tmp/1m.case.json 3
    static func screenOnly(_ path: String, runs: Int) throws {
        BenchTable.header()
        let open = BenchStore.open(path, runs: runs)
        (open + (try BenchScreen.figures(path, runs: runs))).forEach(BenchTable.print)
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }
}
