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
    /// `open FILE` (`open-records FILE`: the records alone, for profiling the reader).
    /// `open-warm FILE`: and then the search text and the ledger's column texts the loader makes
    /// after the screen is up (`warm-ms`), so the peak is that of a session's first seconds.
    static func open(_ path: String, view withView: Bool = true, warm: Bool = false) {
        var store: CaseStore?
        let storeMS = BenchTable.time { store = try? CaseStore(opening: path, mode: .readOnly) }
        let storeKB = peakKB() ?? -1, storeRSS = statusKB("VmRSS:") ?? -1
        var view: CaseView?
        let viewMS = withView ? BenchTable.time { view = store.map { CaseView($0.content) } } : 0
        // The peak counts the linked-record lists and ledger arrays the view goes on making in the background.
        while view?.backgroundReady == false { usleep(500) }
        let screenKB = peakKB() ?? -1
        if warm, let view { print("warm-ms \(BenchTable.time { view.searchText.warm(view) })", terminator: " ") }
        print("store-ms \(storeMS) store-peak-kb \(storeKB) store-rss-kb \(storeRSS) view-ms \(viewMS) screen-peak-kb \(screenKB)",
              "peak-kb \(peakKB() ?? -1) rss-kb \(statusKB("VmRSS:") ?? -1) \(store == nil || (withView && view == nil) ? "failed" : "")")
        fflush(nil)
        exit(0)   // no teardown of a million records: the child is done
    }

    /// `summary FILE`: the summary's time alone, for profiling. Each figure is wall ms and, after
    /// a slash, the process's CPU ms (all threads), which a busy machine disturbs less.
    static func summary(_ path: String) throws {
        let store = try CaseStore(opening: path, mode: .readOnly)
        let ms = timed {
            _ = TextRenderer().render(Summary(case: store.content, options: SummaryOptions(generated: "2026-11-22T12:00:00Z", author: "bench")))
        }
        // Its biggest parts alone, one after the other (the summary runs them side by side).
        let validateMS = timed { _ = store.content.validate() }
        let doc = CaseDocument(content: store.content)
        var size = 0
        let encodeMS = timed { CaseCoding.encode(doc) { size += $0.count } }
        // Encoding and hashing as the fingerprint does them: the hash overlaps the encoding.
        let hashMS = timed { _ = SHA256.digest { feed in CaseCoding.encode(doc, into: feed) } }
        print("summary-ms \(ms) validate-ms \(validateMS) encode-ms \(encodeMS) encode+sha256-ms \(hashMS) bytes \(size) peak-kb \(peakKB() ?? -1)")
        fflush(nil)
        exit(0)
    }

    /// `compact FILE`: compaction's time alone (on the file itself, which keeps its content).
    static func compact(_ path: String) throws {
        let store = try CaseStore(opening: path)
        let loadedKB = rssKB() ?? -1
        // Linux resets the peak to the current size on "5" (so what follows is compaction's own).
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        for _ in 0..<2 { print("compact-ms \(try timed { try store.compact() })") }
        try store.close()
        print("loaded-rss-kb \(loadedKB) peak-kb-while-compacting \(peakKB() ?? -1)")
        fflush(nil)
        exit(0)
    }

    /// `phase FILE NAME`: opens the case and runs one part of the summary (none, validate,
    /// encode, hash, summary), for counting its instructions with `perf stat` on a busy machine
    /// (the count of `none` is the open's).
    static func phase(_ path: String, _ name: String) throws {
        let store = try CaseStore(opening: path, mode: .readOnly)
        let doc = CaseDocument(content: store.content)
        let ms = timed {
            switch name {
            case "validate": _ = store.content.validate()
            case "encode": CaseCoding.encode(doc) { _ = $0 }
            case "hash": _ = SHA256.digest { feed in CaseCoding.encode(doc, into: feed) }
            case "summary": _ = TextRenderer().render(Summary(case: store.content, options: SummaryOptions(generated: "2026-11-22T12:00:00Z", author: "bench")))
            default: break
            }
        }
        print("\(name)-ms \(ms)")
        fflush(nil)
        exit(0)
    }

    /// "wall/cpu" milliseconds of `body`.
    static func timed(_ body: () throws -> Void) rethrows -> String {
        func cpu() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
            return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
        }
        let c0 = cpu()
        let wall = try BenchTable.time(body)
        return "\(Int(wall))/\(Int(cpu() - c0))"
    }

    static func peakKB() -> Int? { statusKB("VmHWM:") }

    /// A figure in kB from /proc/self/status, e.g. VmHWM (peak resident) or VmRSS (resident now).
    static func statusKB(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    /// VmRSS in kB, the resident set now.
    static func rssKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }

    /// Runs the child on `path` (`open-warm`): peak memory in MB with the records alone, with the
    /// screen's indexes too, and once the search text is made as well; and the records' open
    /// time in ms in a fresh process.
    static func measure(_ path: String) -> (storeMB: Double, screenMB: Double, warmMB: Double, storeMS: Double, viewMS: Double)? {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let out = BenchExternal.run(me, ["open-warm", path], capture: true) else { return nil }
        let words = out.split(whereSeparator: \.isWhitespace).map(String.init)
        func value(_ name: String) -> Double? { words.firstIndex(of: name).flatMap { $0 + 1 < words.count ? Double(words[$0 + 1]) : nil } }
        guard let store = value("store-peak-kb"), let screen = value("screen-peak-kb"), let warm = value("peak-kb"),
              let ms = value("store-ms"), let view = value("view-ms") else { return nil }
        return (store / 1024, screen / 1024, warm / 1024, ms, view)
    }
}
