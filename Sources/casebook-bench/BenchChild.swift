import CasebookModel
import CasebookReport
import CasebookStore
import CasebookUI
import Foundation

// Peak memory is measured in a child process of the benchmark, so it starts from a fresh heap:
// `casebook-bench open FILE` opens the case as the screen does (CaseLoader: records, then the
// screen's indexes and totals) and prints its VmHWM from /proc/self/status (the peak resident
// set: the file's bytes while read, every record, every index).

enum BenchChild {
    static func open(_ path: String) {
        let ms = BenchTable.time { _ = try? CaseLoader.open(path, readOnly: true).get() }
        print("open-ms \(ms) peak-kb \(peakKB() ?? -1)")
        fflush(nil)
        exit(0)   // no teardown of a million records: the child is done
    }

    /// `summary FILE`: the summary's time alone, for profiling.
    static func summary(_ path: String) throws {
        let store = try CaseStore(opening: path, mode: .readOnly)
        let ms = BenchTable.time {
            _ = TextRenderer().render(Summary(case: store.content, options: SummaryOptions(generated: "2026-11-22T12:00:00Z", author: "bench")))
        }
        print("summary-ms \(ms)")
        fflush(nil)
        exit(0)
    }

    /// `compact FILE`: compaction's time alone (on the file itself, which keeps its content).
    static func compact(_ path: String) throws {
        let store = try CaseStore(opening: path)
        for _ in 0..<2 { print("compact-ms \(try BenchTable.time { try store.compact() })") }
        try store.close()
        fflush(nil)
        exit(0)
    }

    /// VmHWM in kB, the peak resident set of this process.
    static func peakKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    /// Runs the child on `path`; its peak memory in MB and its open time in ms.
    static func measure(_ path: String) -> (peakMB: Double, openMS: Double)? {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let out = BenchExternal.run(me, ["open", path], capture: true) else { return nil }
        let words = out.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let k = words.firstIndex(of: "peak-kb"), k + 1 < words.count, let kb = Double(words[k + 1]),
              let m = words.firstIndex(of: "open-ms"), let ms = Double(words[m + 1]) else { return nil }
        return (kb / 1024, ms)
    }
}
