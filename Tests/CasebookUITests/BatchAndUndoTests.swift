#if canImport(Glibc)
import Glibc
#endif
import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Foundation
import Testing

/// Marked rows annotated in one edit; undo that outlives the session; a case someone else holds.
@Suite struct BatchAndUndoTests {
    let sony = "inc-sony-pictures-2014"
    let bithumb = "inc-bithumb-2018"

    @Test func tagThreeMarkedTransfersInOneEditAndUndoThemAtOnce() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        s.press("3")
        let three = Array(s.state.current.rows.prefix(3))
        let before = three.map { s.store.content.record(id: $0) }
        let entries = s.store.history.entries.count

        s.press("Space", "Space", "Space")
        #expect(s.state.current.marks == Set(three) && s.messageLine == "3 marked")
        #expect(s.state.current.cursor == 3, "Space moves on")
        for id in three { #expect(s.listRow(id)?.hasPrefix(s.app.theme.glyphs.mark) == true, "\(id) shows its mark") }
        s.press("t")
        #expect(s.messageLine.hasPrefix("Tag 3 "))
        s.type("follow-up").press("Enter")

        #expect(s.messageLine == "Saved: Tag 3 transfers 'follow-up'")
        #expect(s.store.history.entries.count == entries + 1, "one edit for the batch")
        #expect(s.store.history.entries.last?.label == "Tag 3 transfers 'follow-up'")
        for id in three { #expect(s.store.content.transfers[id]?.meta.tags.last == "follow-up") }
        #expect(s.store.content.transfers.values.filter { $0.meta.tags.contains("follow-up") }.count == 3)
        #expect(s.state.current.marks.isEmpty, "marks are cleared once done")
        #expect(!s.lines.contains { $0.hasPrefix(s.app.theme.glyphs.mark) })

        s.press("1", "u")
        #expect(s.messageLine == "Undid: Tag 3 transfers 'follow-up'")
        #expect(three.map { s.store.content.record(id: $0) } == before, "one u untags all three")
        #expect(s.state.pane == .ledger && s.state.current.selectedID == three[0])
        s.press("Ctrl-R")
        #expect(s.messageLine == "Redid: Tag 3 transfers 'follow-up'")
        for id in three { #expect(s.store.content.transfers[id]?.meta.tags.contains("follow-up") == true) }
        // The filter sees the batch.
        s.press("\\").type("tag:follow-up").press("Enter")
        #expect(s.state.current.rows == three)

        // Deleting the marked rows is one edit too, undone in one step.
        s.press("\\", "Ctrl-U", "Enter", "g", "Space", "Space", "Space", "d")
        #expect(s.messageLine.hasPrefix("Delete 3 transfers? y deletes"))
        s.press("y")
        #expect(s.messageLine == "Saved: Delete 3 transfers")
        #expect(three.allSatisfy { s.store.content.transfers[$0] == nil } && s.lines[1].contains("3 Funds ledger 8"))
        s.press("u")
        #expect(s.messageLine == "Undid: Delete 3 transfers")
        #expect(three.allSatisfy { s.store.content.transfers[$0] != nil } && s.state.current.selectedID == three[0])
    }

    @Test func aRangeMarkedWithVNotedAtOnceAndUClearsMarks() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        s.press("3", "j", "v")
        #expect(s.messageLine == "Range starts here; move and press v again")
        s.press("j", "j", "j", "v")
        let range = Array(s.state.current.rows[1...4])
        #expect(s.state.current.marks == Set(range) && s.messageLine == "4 marked")
        s.press("U")
        #expect(s.state.current.marks.isEmpty && s.messageLine == "Marks cleared")

        s.press("k", "v", "g", "v")   // the other way round: from row 3 up to the top
        let top = Array(s.state.current.rows[0...3])
        #expect(s.state.current.marks == Set(top))
        s.press("A").type("같은 세탁 경로").press("Enter")
        #expect(s.messageLine == "Saved: Add note to 4 transfers")
        #expect(s.store.history.entries.count == 1)
        for id in top { #expect(s.store.content.transfers[id]?.meta.notes.last?.text == "같은 세탁 경로") }
        #expect(s.state.current.marks.isEmpty)
        s.press("u")
        #expect(s.messageLine == "Undid: Add note to 4 transfers")
        #expect(s.store.content == Demo.content)
    }

    @Test func undoReachesEditsOfAnEarlierSessionAndHistoryShowsThem() throws {
        let file = try DemoCaseFile()
        do {
            let first = try file.open()
            first.press("A").type("박진혁 자금 확인").press("Enter")
            first.press("t").type("reviewed").press("Enter")
            first.press("/").type("Bithumb hack (2018)").press("Enter")
            for _ in 0..<6 { first.press("l") }
            first.press("e").fill("confirmed").press("Enter")
            #expect(first.store.history.entries.count == 3)
            first.close()
        }

        let s = try file.open(author: "Analyst Lee")
        defer { s.close() }
        #expect(s.store.history.entries.map(\.label) == [
            "Add note to Sony Pictures hack (2014)", "Tag Sony Pictures hack (2014) 'reviewed'",
            "Set status of Bithumb hack (2018) to 'confirmed'"])
        #expect(s.store.content.incidents[sony]?.meta.notes.last?.text == "박진혁 자금 확인")
        #expect(s.listRow(bithumb)?.hasSuffix("confirmed") == true, "the edits are on screen")
        #expect(s.section("Notes").contains("박진혁 자금 확인"))
        #expect(s.state.current.selectedID == sony)

        s.press("u")
        #expect(s.messageLine == "Undid: Set status of Bithumb hack (2018) to 'confirmed'")
        #expect(s.store.content.incidents[bithumb] == Demo.content.incidents[bithumb])
        #expect(s.state.current.selectedID == bithumb, "the cursor went to the record")
        #expect(s.listRow(bithumb)?.hasSuffix("attributed") == true)

        s.press("@")
        #expect(s.screen.contains("History, newest first"))
        let lines = s.lines
        func row(_ text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
        let undo = try #require(row("Undo: Set status of Bithumb hack (2018)"))
        let set = try #require(lines.firstIndex { $0.contains("Set status of Bithumb hack (2018)") && $0.contains("(undone)") })
        let tag = try #require(row("Tag Sony Pictures hack (2014) 'reviewed'"))
        let note = try #require(row("Add note to Sony Pictures hack (2014)"))
        #expect(undo < set && set < tag && tag < note, "newest first")
        #expect(lines[undo].contains("Analyst Lee") && lines[set].contains("Analyst Kim") && lines[note].contains("Analyst Kim"))
        #expect(lines[undo].contains(fixedTime))
        // > marks what u undoes next: the tag.
        func marker(_ line: String) -> Character? { line.split(separator: "│").dropFirst().first?.dropFirst().first }
        #expect(marker(lines[tag]) == ">", "\(lines[tag])")
        #expect([undo, set, note].allSatisfy { marker(lines[$0]) == " " })

        // Enter on an entry goes to its record.
        s.press("Esc", "3", "@", "j", "j", "Enter")
        #expect(s.state.overlay == nil)
        #expect(s.state.pane == .incidents && s.state.current.selectedID == sony)
        #expect(s.messageLine == "#2 Tag Sony Pictures hack (2014) 'reviewed'")

        s.press("u", "u")
        #expect(s.store.content == Demo.content, "everything from the earlier session undone")
        s.press("u")
        #expect(s.messageLine == "Nothing to undo")
        s.press("Ctrl-R")
        #expect(s.messageLine == "Redid: Add note to Sony Pictures hack (2014)")
        // A new edit ends what can be redone.
        s.press("t").type("new-branch").press("Enter", "Ctrl-R")
        #expect(s.messageLine == "Nothing to redo")
        #expect(s.store.content.incidents[sony]?.meta.tags.contains("reviewed") == false)
    }

    @Test func undoShowsTheChangedRecordEvenWhenAFilterOrTheDetailViewHidesIt() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        // A filter that leaves the record out.
        s.press("/").type("Bithumb hack (2018)").press("Enter", "t").type("checked").press("Enter")
        s.press("\\").type("2019").press("Enter")
        #expect(!s.state.current.rows.contains(bithumb))
        s.press("u")
        #expect(s.messageLine.hasPrefix("Undid: Tag Bithumb hack (2018) 'checked'"))
        #expect(s.state.current.selectedID == bithumb, "the cursor goes to the record, as the history's Enter does")

        // The detail view open on another record.
        s.press("\\", "Ctrl-U", "Enter", "g", "A").type("on Sony").press("Enter")
        s.press("/").type("Bithumb hack (2018)").press("Enter", "Enter")
        #expect(s.state.focus == .detail && s.state.detailRecordID == bithumb)
        s.press("u")
        #expect(s.messageLine == "Undid: Add note to Sony Pictures hack (2014)")
        #expect(s.state.detailRecordID == sony, "the screen shows the record the undo changed")
    }

    @Test func aCaseHeldByAnotherWriterRefusesEditsAndUndo() throws {
        let file = try DemoCaseFile()
        let holder = try CaseStore(opening: file.path)
        var editorRuns = 0
        let s = try file.open { _ in editorRuns += 1; return "A long note that would be lost" }
        defer { s.close() }
        let reason = "another Casebook (pid \(getpid())) is editing this case"
        #expect(s.state.readOnlyReason == reason)
        #expect(s.lines[0].contains(" READ-ONLY "))

        s.press("A").type("박진혁 자금 확인").press("Enter")
        #expect(s.messageLine == "Read-only: " + reason)
        #expect(s.store.content == Demo.content && s.store.history.entries.isEmpty)
        #expect(!s.screen.contains("박진혁 자금 확인"))
        s.press("u")
        #expect(s.messageLine == "Read-only: " + reason)
        s.press("Ctrl-R")
        #expect(s.messageLine == "Read-only: " + reason)
        s.press("t").type("x").press("Enter")
        #expect(s.messageLine == "Read-only: " + reason)

        // $EDITOR is not opened for a note that cannot be saved (the writing would be thrown away).
        s.press("E")
        #expect(s.messageLine == "Read-only: " + reason)
        #expect(editorRuns == 0, "the editor ran for a note that could not be saved")

        #expect(holder.content == Demo.content && holder.history.entries.isEmpty)
        try holder.close()
        #expect(try file.onDisk() == Demo.content, "nothing reached the files")
    }
}

@Suite struct FilterAfterAnnotationTests {
    /// Notes and tags skip re-sorting for speed, but a filter that reads tags must still update.
    @Test func untaggingARowDropsItFromATagFilter() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        s.press("3", "\\").type("tag:laundering").press("Enter")
        let before = s.state.current.rows
        #expect(!before.isEmpty)
        let first = before[0]
        s.press("g", "t").type("-laundering").press("Enter")
        #expect(!s.state.current.rows.contains(first), "the untagged row leaves the tag filter at once")
        #expect(s.state.current.rows.count == before.count - 1)
        s.press("u")
        #expect(s.state.current.rows.contains(first), "undo brings it back into the filter")
    }
}
