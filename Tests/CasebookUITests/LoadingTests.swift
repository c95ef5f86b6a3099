#if canImport(Glibc)
import Glibc
#endif
import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Foundation
import Testing

/// A fresh folder for case files, removed when the value goes away.
private final class CaseFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-loading-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `content` as NAME with the store, as `casebook new` does; returns its path.
    func write(_ content: Case, _ name: String = "test.case.json") throws -> String {
        let file = path + "/" + name
        try CaseStore.create(at: file, document: CaseDocument(content: content))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A case built in code: `wallets` wallets and `transfers` transfers between them, each with a
/// note, so the file runs to a few megabytes and the reader reports progress several times.
private func ledgerCase(wallets: Int = 50, transfers: Int) -> Case {
    let time = "2026-01-02T03:04:05Z"
    var c = Case(info: CaseInfo(title: "Generated ledger", marking: "TLP:AMBER", created: time))
    c.insert(.actor(Actor(meta: RecordMeta(id: "act-owner", created: time), name: "Owner", kind: .group)))
    for w in 0..<wallets {
        c.insert(.wallet(Wallet(meta: RecordMeta(id: "wal-\(w)", created: time), chain: "BTC",
                                address: "bc1q" + String(repeating: "0", count: 30) + String(format: "%08d", w),
                                attributions: [Attribution(actor: "act-owner", confidence: 50)])))
    }
    let note = String(repeating: "Hop observed on chain; amount and time as recorded by the tracer. ", count: 4)
    for t in 0..<transfers {
        let id = String(format: "tx-%06d", t)
        let meta = RecordMeta(id: id, created: time, notes: [Note(id: "note-\(id)", author: "Tracer", time: time, text: note)])
        let when = String(format: "2020-01-%02dT%02d:%02d:%02dZ", 1 + t / 86_400, t / 3600 % 24, t / 60 % 60, t % 60)
        c.insert(.transfer(Transfer(meta: meta, time: when, from: "wal-\(t % wallets)", to: "wal-\((t + 1) % wallets)",
                                    asset: "BTC", amount: ExactDecimal(units: Int128(t + 1), scale: 3),
                                    txHash: String(repeating: String(format: "%08x", t), count: 8), kind: .hop, basis: .observed)))
    }
    return c
}

/// The loaded case, or a test failure naming the error.
private func opened(_ result: Result<LoadedCase, StoreError>, sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadedCase {
    switch result {
    case .success(let loaded): return loaded
    case .failure(let error):
        Issue.record("could not open: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// Waits (up to 30 s) until the background loader has a result.
private func waitForResult(_ loader: CaseLoader) async throws {
    for _ in 0..<3000 where loader.result == nil { try await Task.sleep(for: .milliseconds(10)) }
    try #require(loader.result != nil, "the loader finished")
}

/// A terminal that hands out its keys only once a case is on screen, sleeping like a real one
/// while it waits, so a run with a background loader never loses keys to the loading screen.
private final class PatientTerminal: Terminal {
    var size: (width: Int, height: Int) = (120, 35)
    private(set) var frames: [Grid] = []
    private var keys: [Key]

    init(keys: [Key]) { self.keys = keys }

    func draw(_ grid: Grid, theme: Theme) { frames.append(grid) }

    func readKey(timeoutMilliseconds: Int) -> Key? {
        guard let last = frames.last, !last.text.contains("Loading"), !keys.isEmpty else {
            usleep(UInt32(min(timeoutMilliseconds, 20)) * 1000)
            return nil
        }
        return keys.removeFirst()
    }

    func suspend(_ body: () -> Void) { body() }
    func invalidate() {}
    var interrupted: Bool { keys.isEmpty && !(frames.last?.text.contains("Loading") ?? true) }
}

private let searchBitAndQuit: [Key] = [.char("/"), .char("B"), .char("i"), .char("t"), .enter, .char("q")]

@Suite("Loading") struct LoadingTests {
    @Test func opensACaseWrittenByTheStore() throws {
        let folder = try CaseFolder()
        let path = try folder.write(Demo.content)
        let loaded = try opened(CaseLoader.open(path))
        defer { try? loaded.store.close() }
        #expect(loaded.readOnlyReason == nil)
        #expect(loaded.store.mode == .readWrite)
        #expect(loaded.view.content == Demo.content)
        #expect(loaded.view.baseRows[.incidents]?.count == 10 && loaded.view.baseRows[.ledger]?.count == 11)

        let app = App(file: path, theme: .mono)
        app.show(loaded)
        let screen = app.frame(width: 120, height: 35).text
        #expect(screen.contains("DPRK exchange hacks and laundering (demo)"))
        #expect(!screen.contains("READ-ONLY"))
    }

    @Test func aMissingFileIsAnErrorNamingIt() throws {
        let folder = try CaseFolder()
        let path = folder.path + "/nothing.case.json"
        guard case .failure(let error) = CaseLoader.open(path) else {
            Issue.record("opened a file that is not there")
            return
        }
        #expect(error == .notFound(path: path))
        #expect(error.description == "\(path): no such file")
    }

    @Test func aCaseHeldByAnotherWriterOpensReadOnlyAndSaysWho() throws {
        let folder = try CaseFolder()
        let path = try folder.write(Demo.content)
        let holder = try CaseStore(opening: path)
        let loaded = try opened(CaseLoader.open(path))
        #expect(loaded.store.mode == .readOnly)
        let reason = try #require(loaded.readOnlyReason)
        #expect(reason == "another Casebook (pid \(getpid())) is editing this case")
        #expect(loaded.view.content == Demo.content, "a read-only case still shows everything")

        let app = App(file: path, theme: .mono)
        app.show(loaded)
        let s = Scenario(app: app)
        let lines = s.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains(" READ-ONLY "))
        #expect(lines[lines.count - 2] == "Read-only: " + reason)
        // The header's READ-ONLY marker is drawn in the banner role.
        let x = try #require(lines[0].range(of: "READ-ONLY").map { TextWidth.of(String(lines[0][..<$0.lowerBound])) })
        #expect(s.frame[x, 0].role == .banner)
        // Moving about keeps saying so.
        s.press("j", "2", "/").type("Lazarus").press("Enter")
        #expect(s.row(containing: "READ-ONLY") != nil)
        #expect(s.screen.contains("Read-only: another Casebook (pid \(getpid()))"))

        // Once the writer lets go, the case opens for editing again.
        try holder.close()
        let again = try opened(CaseLoader.open(path))
        #expect(again.readOnlyReason == nil && again.store.mode == .readWrite)
        try again.store.close()
    }

    @Test func readOnlyOnRequestSaysSo() throws {
        let folder = try CaseFolder()
        let path = try folder.write(Demo.content)
        let loaded = try opened(CaseLoader.open(path, readOnly: true))
        #expect(loaded.readOnlyReason == "opened with --read-only")
        // A read-only open takes no lock: a writer can still open the case.
        let writer = try CaseStore(opening: path)
        try writer.close()
    }

    @Test func progressRisesAndEndsAtMostOne() throws {
        let folder = try CaseFolder()
        let content = ledgerCase(transfers: 6000)
        let path = try folder.write(content)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        #expect(size > 3 << 20, "the file is big enough for several reports (\(size) bytes)")
        var reports: [Double] = []
        let loaded = try opened(CaseLoader.open(path) { fraction in
            reports.append(fraction)
            return true
        })
        defer { try? loaded.store.close() }
        #expect(loaded.view.content.transfers.count == 6000 && loaded.view.content.wallets.count == 50)
        #expect(reports.count >= 3, "\(reports)")
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0 < $1 }, "increasing: \(reports)")
        #expect(reports.allSatisfy { $0 > 0 && $0 <= 1 }, "\(reports)")
    }

    @Test func returningFalseFromProgressCancels() throws {
        let folder = try CaseFolder()
        let path = try folder.write(ledgerCase(transfers: 4000))
        var calls = 0
        let result = CaseLoader.open(path) { _ in
            calls += 1
            return false
        }
        guard case .failure(let error) = result else {
            Issue.record("the open was not cancelled")
            return
        }
        #expect(error == .cancelled(path: path))
        #expect(error.description == "\(path): opening was cancelled")
        #expect(calls == 1, "the reader stops at the first refusal")
        // A cancelled open leaves no lock behind.
        let writer = try CaseStore(opening: path)
        try writer.close()
    }

    @Test func progressOfACaseWithDuplicateIdsNeverGoesBack() throws {
        // A case with duplicate ids is read twice (read-write, refused, then read-only); the
        // progress the screen shows should still only rise.
        let folder = try CaseFolder()
        let path = try folder.write(ledgerCase(transfers: 6000))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "{\"id\":\"tx-005999\"", with: "{\"id\":\"tx-005998\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var reports: [Double] = []
        let loaded = try opened(CaseLoader.open(path) { reports.append($0); return true })
        #expect(loaded.readOnlyReason?.contains("duplicate ids") == true)
        #expect(reports.allSatisfy { $0 > 0 && $0 <= 1 })
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0 < $1 }, "increasing: \(reports)")
        
    }

    @Test func theLoadingScreenShowsTheFileAndProgress() {
        let app = App(file: "big.case.json", theme: .mono)
        let screen = app.frame(width: 80, height: 24).text
        #expect(screen.contains("Loading big.case.json… 0%"))
        #expect(screen.contains("Ctrl-C cancels"))
        #expect(!screen.contains("READ-ONLY"))
        // Keys other than quit do nothing while loading.
        app.handle(.char("j"), width: 80, height: 24)
        #expect(app.state.view == nil && !app.state.quit)
        app.handle(.char("q"), width: 80, height: 24)
        #expect(app.state.quit)
    }

    @Test func runWithACaseOpenedFirstSearchesAndQuits() throws {
        let folder = try CaseFolder()
        let path = try folder.write(Demo.content)
        let app = App(file: path, theme: .mono)
        app.show(try opened(CaseLoader.open(path)))
        let terminal = HeadlessTerminal(keys: searchBitAndQuit)
        #expect(app.run(terminal: terminal, loader: nil, suspend: {}) == nil)
        #expect(app.state.quit)
        #expect(terminal.frames.count == searchBitAndQuit.count, "one frame before each key")
        let last = try #require(terminal.lastFrame).text
        #expect(last.contains("▶ 2017       Bithumb hack (2017)"))
        #expect(last.contains("Incident: Bithumb hack (2017)"))
        #expect(app.close() == nil)
        // Closing released the lock.
        let writer = try CaseStore(opening: path)
        try writer.close()
    }

    @Test func runAfterTheBackgroundLoaderFinishes() async throws {
        let folder = try CaseFolder()
        let path = try folder.write(Demo.content)
        let loader = CaseLoader(path: path)
        try await waitForResult(loader)
        let app = App(file: path, theme: .mono)
        let terminal = HeadlessTerminal(keys: searchBitAndQuit)
        #expect(app.run(terminal: terminal, loader: loader, suspend: {}) == nil)
        #expect(!terminal.frames.isEmpty)
        #expect(terminal.frames.allSatisfy { !$0.text.contains("Loading") }, "the case was ready before the first frame")
        #expect(terminal.lastFrame?.text.contains("Incident: Bithumb hack (2017)") == true)
        #expect(app.state.current.selectedID == "inc-bithumb-2017")
        #expect(app.close() == nil)
    }

    @Test func runWhileTheBackgroundLoaderReadsShowsLoadingThenTheCase() throws {
        let folder = try CaseFolder()
        let path = try folder.write(ledgerCase(transfers: 6000))
        let loader = CaseLoader(path: path)
        let app = App(file: path, theme: .mono)
        let terminal = PatientTerminal(keys: [.char("3"), .char("G"), .enter, .char("q"), .char("q")])
        #expect(app.run(terminal: terminal, loader: loader, suspend: {}) == nil)
        let texts = terminal.frames.map(\.text)
        let firstCase = try #require(texts.firstIndex { !$0.contains("Loading") })
        // Whatever the timing, frames before the case are loading frames with rising percentages.
        // (The loading screen says "Loading FILE… N%"; the first panes, once shown, "Loading N%: …".)
        let percents = texts[..<firstCase].map { text -> Int in
            guard let m = text.firstMatch(of: /Loading[^\n]*?([0-9]+)%/) else { return -1 }
            return Int(m.1) ?? -1
        }
        #expect(percents.allSatisfy { (0...100).contains($0) }, "\(percents)")
        #expect(zip(percents, percents.dropFirst()).allSatisfy { $0 <= $1 }, "\(percents)")
        #expect(texts[firstCase].contains("Generated ledger"))
        let last = try #require(texts.last)
        #expect(last.contains("▶ 2020-01-01T01:39:59Z"), "the last transfer is selected")
        #expect(app.state.pane == .ledger && app.state.current.selectedID == "tx-005999" && app.state.focus == .list)
        #expect(app.state.quit)
        #expect(app.close() == nil)
    }

    @Test func theFirstPanesCanBeBrowsedWhileTheLedgerLoads() throws {
        let folder = try CaseFolder()
        let path = try folder.write(Demo.content)
        // What the reader hands over once it has read the actors: the case without wallets and transfers.
        var first = Demo.content
        first.wallets = RecordTable()
        first.transfers = RecordTable()
        let app = App(file: path, theme: .mono)
        app.showPartial(CaseView(first), progress: 0.4)
        var screen = app.frame(width: 120, height: 35).text
        #expect(screen.contains("3 Funds ledger 40%"))
        #expect(app.frame(width: 170, height: 35).text.contains("16 actors · transfers loading 40%"))
        #expect(screen.contains("Loading 40%: incidents and actors are here to browse"))
        #expect(!screen.contains(" note ") && !screen.contains(" undo ") && !screen.contains(" summary "), "the footer offers only browsing")
        // Browsing works: move down and open the incident.
        app.handle(.char("j"), width: 120, height: 35)
        let chosen = try #require(app.state.current.selectedID)
        app.handle(.enter, width: 120, height: 35)
        #expect(app.frame(width: 120, height: 35).text.contains("Incident: "))
        #expect(app.frame(width: 120, height: 35).text.contains("  (wallets and transfers still loading)"))
        app.handle(.escape, width: 120, height: 35)
        // An edit or a summary waits, and says so.
        app.handle(.char("A"), width: 120, height: 35)
        #expect(app.state.prompt == nil)
        #expect(app.state.message == "Still loading the case (40%): add-note waits until it is all read")
        app.handle(.char("P"), width: 120, height: 35)
        #expect(app.state.overlay == nil && app.state.message?.hasPrefix("Still loading the case") == true)
        // The ledger pane says it is loading.
        app.handle(.char("3"), width: 120, height: 35)
        screen = app.frame(width: 120, height: 35).text
        #expect(screen.contains("Loading the funds ledger… 40%  (Ctrl-C cancels)"))
        // The whole case replaces the preview; the incident chosen stays chosen.
        app.handle(.char("1"), width: 120, height: 35)
        app.show(try opened(CaseLoader.open(path)))
        #expect(!app.state.partial && app.state.current.selectedID == chosen)
        screen = app.frame(width: 120, height: 35).text
        #expect(screen.contains("3 Funds ledger \(Demo.content.transfers.count)"))
        #expect(!screen.contains("Loading") && !screen.contains("still loading"))
        app.handle(.char("A"), width: 120, height: 35)
        #expect(app.state.prompt != nil, "notes can be added once the case is all read")
        #expect(app.close() == nil)
    }

    @Test func runReportsAFailedOpen() async throws {
        let folder = try CaseFolder()
        let path = folder.path + "/broken.case.json"
        try "{\"format\":\"casebook\",\n\"version\":1,\n\"case\": [}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let loader = CaseLoader(path: path)
        try await waitForResult(loader)
        let app = App(file: path, theme: .mono)
        let message = app.run(terminal: HeadlessTerminal(keys: [.char("j")]), loader: loader, suspend: {})
        #expect(message?.hasPrefix("\(path):3:") == true && message?.contains("invalid JSON") == true, "\(message ?? "nil")")
    }
}
