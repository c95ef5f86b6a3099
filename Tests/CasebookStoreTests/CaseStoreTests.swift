#if canImport(Glibc)
import Glibc
#endif
import CasebookModel
@testable import CasebookStore
import Foundation
import Testing

@Suite struct CaseStoreTests {
    let editor = Fixtures.editor

    @Test func editsAreJournaledThenFoldedOnClose() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        let original = s.read("sample.case.json")
        let store = try CaseStore(opening: path)
        let entry = try store.apply(editor.addNote("Seen on chain", to: ["tx-1"], in: store.content))
        #expect(entry.seq == 1)
        // Durable before close: the journal has the line, the case file is untouched.
        #expect(s.read("sample.case.json") == original)
        let journal = s.read("sample.case.json.journal")
        #expect(journal.hasSuffix("\n") && journal.contains("\"label\":\"Add note to 1,234.56789012 BTC wal-hot → wal-laz\""))
        try store.close()
        #expect(!FileManager.default.fileExists(atPath: path + ".journal"), "the journal is folded in and removed")
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        let reopened = try CaseStore(opening: path, mode: .readOnly)
        #expect(reopened.content.transfers["tx-1"]?.notes.map(\.text) == ["Seen on chain"])
        #expect(reopened.history.entries.count == 1)
    }

    @Test func theFirstPanesArePreviewedWhileTheRestIsReadUnlessTheJournalHasEdits() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        var previews: [Case] = []
        let store = try CaseStore(opening: path, preview: { previews.append($0) })
        try #require(previews.count == 1)
        let first = previews[0]
        #expect(first.info == store.content.info)
        #expect(first.incidents == store.content.incidents && first.actors == store.content.actors)
        #expect(first.sources == store.content.sources)
        #expect(first.wallets.isEmpty && first.transfers.isEmpty && !store.content.transfers.isEmpty)
        // An edit in the journal could change what the preview shows: no preview then.
        try store.apply(editor.set(field: "status", value: "confirmed", id: "inc-bithumb-2018", in: store.content))
        previews = []
        let again = try CaseStore(opening: path, mode: .readOnly, preview: { previews.append($0) })
        #expect(previews.isEmpty)
        #expect(again.content.incidents["inc-bithumb-2018"]?.status == .confirmed)
        try store.close()
    }

    @Test("opening for writing removes a crashed compaction's temporary files, and only those, among thousands of others")
    func staleTempsAreRemovedInABusyFolder() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        // Names of every length, so readdir's entries end at every offset of its buffer (a copy
        // of a whole entry read past the last one: a crash when the buffer ended at a page).
        for i in 0..<3_000 {
            FileManager.default.createFile(atPath: s.path("f\(String(repeating: "x", count: i % 200))-\(i)"), contents: nil)
        }
        let stale = [".sample.case.json.tmp-12345", ".sample.case.json.tmp-1"]
        for name in stale { FileManager.default.createFile(atPath: s.path(name), contents: Data("partial".utf8)) }
        FileManager.default.createFile(atPath: s.path(".other.case.json.tmp-7"), contents: nil)
        let store = try CaseStore(opening: path)
        try store.close()
        let left = try FileManager.default.contentsOfDirectory(atPath: s.folder)
        #expect(!left.contains { stale.contains($0) })
        #expect(left.contains(".other.case.json.tmp-7"))
        #expect(left.count == 3_000 + 1 + 1 + (left.contains("sample.case.json.journal") ? 1 : 0) + (left.contains("sample.case.json.lock") ? 1 : 0))
    }

    @Test("a directory entry's name is read without touching memory past the entry")
    func entryNameAtAPageEnd() throws {
        // A short entry as readdir lays it out, ending exactly where an unreadable page begins:
        // reading a whole `dirent` (about 280 bytes) from it would crash here.
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let memory = try #require(mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        defer { munmap(memory, 2 * page) }
        #expect(mprotect(memory + page, page, PROT_NONE) == 0)
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let name = Array(".sample.case.json.tmp-42".utf8) + [0]
        let length = (offset + name.count + 7) / 8 * 8
        let entry = memory + page - length
        entry.initializeMemory(as: UInt8.self, repeating: 0, count: length)
        (entry + offset).copyMemory(from: name, byteCount: name.count)
        #expect(POSIXFile.entryName(entry.assumingMemoryBound(to: dirent.self)) == ".sample.case.json.tmp-42")
    }

    @Test func journalIsReplayedAfterACrash() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        do {
            let store = try CaseStore(opening: path)
            try store.apply(editor.tag("laundering", ids: ["tx-1", "tx-2"], in: store.content))
            try store.apply(editor.set(field: "status", value: "confirmed", id: "inc-bithumb-2018", in: store.content))
            // No close(): the process "dies" here, the journal stays.
        }
        let store = try CaseStore(opening: path)
        #expect(store.content.transfers["tx-2"]?.tags == ["laundering"])
        #expect(store.content.incidents["inc-bithumb-2018"]?.status == .confirmed)
        #expect(store.history.entries.map(\.label) == ["Tag 2 transfers 'laundering'", "Set status of Bithumb hack (2018) to 'confirmed'"])
        try store.close()
    }

    @Test func replaySkipsEntriesAlreadyFoldedIntoTheFile() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        let store = try CaseStore(opening: path)
        try store.apply(editor.addNote("once", to: ["act-park"], in: store.content))
        let journal = s.bytes(path + ".journal")
        try store.compact()
        try store.close()
        // A crash between compaction's rename and the journal's removal leaves both behind.
        try journal.write(to: URL(fileURLWithPath: path + ".journal"))
        let again = try CaseStore(opening: path)
        #expect(again.content.actors["act-park"]?.notes.map(\.text) == ["once"], "the note is not applied twice")
        #expect(again.history.entries.count == 1)
        try again.close()
    }

    @Test func tornLastJournalLineIsReportedIgnoredAndCutOff() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        do {
            let store = try CaseStore(opening: path)
            try store.apply(editor.addNote("kept", to: ["act-park"], in: store.content))
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + ".journal"))
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":2,\"op\":\"edit\",\"time\":\"2026-".utf8))
        try handle.close()
        let store = try CaseStore(opening: path)
        #expect(store.content.actors["act-park"]?.notes.map(\.text) == ["kept"])
        #expect(store.warnings.count == 1 && store.warnings[0].contains(".journal:2: an incomplete last entry"))
        // The next edit lands on a clean line and survives another crash.
        try store.apply(editor.addNote("after", to: ["act-park"], in: store.content))
        let again = try CaseStore(opening: path, mode: .readOnly)
        #expect(again.content.actors["act-park"]?.notes.map(\.text) == ["kept", "after"])
        #expect(again.warnings.isEmpty)
    }

    @Test func damagedJournalLineInTheMiddleStopsTheOpen() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        do {
            let store = try CaseStore(opening: path)
            try store.apply(editor.addNote("one", to: ["act-park"], in: store.content))
            try store.apply(editor.addNote("two", to: ["act-park"], in: store.content))
        }
        var lines = s.read("sample.case.json.journal").split(separator: "\n").map(String.init)
        lines[0] = "{garbage"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path + ".journal", atomically: false, encoding: .utf8)
        #expect { try CaseStore(opening: path) } throws: { "\($0)".contains(".journal:1: damaged entry") }
    }

    @Test func aSecondWriterIsRefusedWithThePID() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        let first = try CaseStore(opening: path)
        #expect { try CaseStore(opening: path) } throws: { error in
            "\(error)".contains("sample.case.json: open for editing by another Casebook (pid \(getpid()))")
        }
        let reader = try CaseStore(opening: path, mode: .readOnly)
        #expect(throws: StoreError.readOnly(path: reader.path)) { try reader.apply(editor.tag("x", ids: ["tx-1"], in: reader.content)) }
        try first.close()
        let second = try CaseStore(opening: path)
        try second.close()
    }

    @Test func undoRedoAndANewEditDropsTheRedoTail() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        let store = try CaseStore(opening: path)
        let before = store.content
        try store.apply(editor.tag("a", ids: ["tx-1"], in: store.content))
        let afterA = store.content
        try store.apply(editor.tag("b", ids: ["tx-1"], in: store.content))
        #expect(try store.undo(author: "U", time: Fixtures.time)?.edit.label == "Tag 1,234.56789012 BTC wal-hot → wal-laz 'b'")
        #expect(store.content == afterA)
        try store.undo(author: "U", time: Fixtures.time)
        #expect(store.content == before)
        #expect(try store.undo(author: "U", time: Fixtures.time) == nil, "nothing left to undo")
        try store.redo(author: "U", time: Fixtures.time)
        #expect(store.content == afterA)
        try store.apply(editor.tag("c", ids: ["tx-1"], in: store.content))
        #expect(store.history.nextRedo == nil, "a new edit drops the redo tail")
        #expect(try store.redo(author: "U", time: Fixtures.time) == nil)
        try store.close()

        // The history and the undo stack survive close and reopen.
        let reopened = try CaseStore(opening: path)
        #expect(reopened.history.entries.map(\.op) == [.edit, .edit, .undo, .undo, .redo, .edit])
        #expect(reopened.history.entries[2].author == "U")
        try reopened.undo(author: "U", time: Fixtures.time)
        try reopened.undo(author: "U", time: Fixtures.time)
        #expect(reopened.content == before)
        try reopened.close()
    }

    @Test func newFilesAndJournalsAreMode0600AndCompactionKeepsTheMode() throws {
        let s = Scratch()
        let path = try s.sampleCase()
        #expect(POSIXFile.mode(of: path) == 0o600)
        #expect(throws: StoreError.alreadyExists(path: path)) { try s.sampleCase() }
        let store = try CaseStore(opening: path)
        try store.apply(editor.tag("x", ids: ["tx-1"], in: store.content))
        #expect(POSIXFile.mode(of: path + ".journal") == 0o600)
        chmod(path, 0o640)
        try store.close()
        #expect(POSIXFile.mode(of: path) == 0o640)
    }

    @Test func aSymlinkedCaseStaysASymlink() throws {
        let s = Scratch()
        let real = try s.sampleCase("real.case.json")
        let link = s.path("link.case.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let store = try CaseStore(opening: link)
        try store.apply(editor.tag("x", ids: ["tx-1"], in: store.content))
        try store.close()
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == real)
        #expect(try CaseStore(opening: real, mode: .readOnly).content.transfers["tx-1"]?.tags == ["x"])
    }

    @Test func badFilesLeaveTheCaseFileUnchanged() throws {
        let s = Scratch()
        let path = s.path("bad.case.json")
        let bad = "{\"format\":\"casebook\",\"version\":1,\n\"case\":{\"title\":\"x\",\"created\":\"2020\"},\n\"incidents\":[\n{\"id\":\"i\",\"title\":3}\n]}"
        try bad.write(toFile: path, atomically: false, encoding: .utf8)
        #expect { try CaseStore(opening: path) } throws: { "\($0)".contains("bad.case.json: line 4: incidents[0] (i).title: expected a string") }
        #expect(s.read("bad.case.json") == bad)
        #expect(throws: StoreError.notFound(path: s.path("none.json"))) { try CaseStore(opening: s.path("none.json")) }
    }
}
