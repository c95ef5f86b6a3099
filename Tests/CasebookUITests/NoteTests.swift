import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Testing

/// An investigator writes notes on a record: one line (Korean included) with the prompt's editing
/// keys, a long one in $EDITOR, then edits and deletes a note from the detail view.
@Suite struct NoteTests {
    let sony = "inc-sony-pictures-2014"

    @Test func aKoreanNoteIsSavedShownWithAuthorAndTimeAndUndone() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        #expect(s.state.current.selectedID == sony, "the demo opens on the Sony Pictures hack")
        let before = s.store.content.record(id: sony)
        let entries = s.store.history.entries.count

        s.press("A")
        #expect(s.messageLine.hasPrefix("Note on Sony Pictures hack (2014):"))
        s.type("박진혁 자금 확인")
        #expect(s.messageLine.hasPrefix("Note on Sony Pictures hack (2014): 박진혁 자금 확인"))
        // Hangul is two columns a character: the cursor sits after the 14 columns typed.
        #expect(s.frame.cursor?.x == TextWidth.of("Note on Sony Pictures hack (2014): 박진혁 자금 확인"))
        s.press("Enter")

        #expect(s.messageLine == "Saved: Add note to Sony Pictures hack (2014)")
        let notes = try #require(s.store.content.incidents[sony]?.meta.notes)
        #expect(notes.count == 1)
        #expect(notes.first?.text == "박진혁 자금 확인")
        #expect(notes.first?.author == "Analyst Kim" && notes.first?.time == fixedTime)
        #expect(s.store.history.entries.count == entries + 1)
        #expect(try file.onDisk().incidents[sony]?.meta.notes == notes, "in the journal before the screen says Saved")
        // The detail shows the note under Notes: when and who, then the text.
        let lines = s.lines
        let header = try #require(lines.firstIndex { $0.contains("\(fixedTime)  Analyst Kim") })
        #expect(lines[header - 1].trimmingCharacters(in: .whitespaces) == "Notes")
        #expect(lines[header + 1] == "     박진혁 자금 확인")

        expectUndoRedo(s, label: "Add note to Sony Pictures hack (2014)", id: sony,
                       before: before, after: s.store.content.record(id: sony))
        #expect(s.screen.contains("박진혁 자금 확인"))
    }

    @Test func thePromptEditsLikeAShellLine() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        func text() -> String? { s.state.prompt?.editor.text }

        s.press("A").type("abc").press("Backspace")
        #expect(text() == "ab")
        #expect(s.messageLine.hasSuffix(": ab"))
        s.press("Ctrl-U").type("world").press("Home").type("hello ")
        #expect(text() == "hello world")
        s.press("Ctrl-E").type("!").press("Left").type("?")
        #expect(text() == "hello world?!")
        s.press("Ctrl-A").type(">> ").press("End").type(" tail").press("Ctrl-W")
        #expect(text() == ">> hello world?! ")
        s.press("Ctrl-W")
        #expect(text() == ">> hello ")
        s.press("Left", "Left", "Left", "Ctrl-K")
        #expect(text() == ">> hel")
        s.press("Left", "Left", "Left", "Ctrl-U")
        #expect(text() == "hel")
        #expect(s.frame.cursor?.x == TextWidth.of("Note on Sony Pictures hack (2014): "), "the cursor is at the start")
        s.press("Ctrl-E").type("lo 박진혁").press("Left", "Left", "Left").type("[")
        #expect(text() == "hello [박진혁")
        #expect(s.frame.cursor?.x == TextWidth.of("Note on Sony Pictures hack (2014): hello ["))
        s.press("Enter")
        #expect(s.store.content.incidents[sony]?.meta.notes.map(\.text) == ["hello [박진혁"])
    }

    @Test func escCancelsAndPastedControlCharactersAreDropped() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        let entries = s.store.history.entries.count

        s.press("A").type("never saved").press("Esc")
        #expect(s.state.prompt == nil)
        #expect(!s.messageLine.contains("never saved") && !s.messageLine.hasPrefix("Saved"))
        #expect(s.store.content == Demo.content && s.store.history.entries.count == entries)
        #expect(try file.onDisk() == Demo.content)

        // A paste carrying ESC, BEL, C1 CSI and DEL: the characters are dropped, the rest kept.
        s.press("A").type("a\u{1B}b\u{07}c\u{9B}d\u{7F}e")
        #expect(s.state.prompt?.editor.text == "abcde")
        #expect(s.messageLine.hasSuffix(": abcde"))
        s.press("Enter")
        #expect(s.store.content.incidents[sony]?.meta.notes.map(\.text) == ["abcde"])
    }

    @Test func aLongNoteInTheEditorAndAnEditorThatFailsOrLeavesNothing() throws {
        let file = try DemoCaseFile()
        var given: [String] = []
        let s = try file.open { initial in
            given.append(initial)
            return "Funds traced to the OTC desk.\n\n박진혁: second paragraph\n"
        }
        defer { s.close() }
        let before = s.store.content.record(id: sony)

        s.press("E")
        #expect(given == [""], "the editor starts empty")
        #expect(s.messageLine == "Saved: Add note to Sony Pictures hack (2014)")
        let note = try #require(s.store.content.incidents[sony]?.meta.notes.last)
        #expect(note.text == "Funds traced to the OTC desk.\n\n박진혁: second paragraph", "kept whole, trimmed at the ends")
        #expect(note.author == "Analyst Kim")
        #expect(s.lines.contains("     Funds traced to the OTC desk."))
        #expect(s.lines.contains("     박진혁: second paragraph"))
        expectUndoRedo(s, label: "Add note to Sony Pictures hack (2014)", id: sony, before: before,
                       after: s.store.content.record(id: sony))

        let saved = s.store.content
        let entries = s.store.history.entries.count
        for result in [nil, "   ", " \n\t\n"] as [String?] {
            s.app.externalEditor = { _ in result }
            s.press("E")
            #expect(s.messageLine == "Note cancelled (the editor failed or the note was empty)", "\(String(describing: result))")
            #expect(s.store.content == saved && s.store.history.entries.count == entries)
        }
    }

    @Test func editingAndDeletingANoteFromTheDetailView() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        s.press("A").type("박진혁 자금 확인").press("Enter")
        let noteID = try #require(s.store.content.incidents[sony]?.meta.notes.first?.id)

        s.press("Enter")   // into the detail view: the selection is on the first link
        #expect(s.state.focus == .detail && s.state.selectedNote == nil)
        s.press("k")       // up onto the note
        #expect(s.state.selectedNote?.id == noteID)
        #expect(s.row(containing: "Analyst Kim")?.hasPrefix("▶") == true, "the note is shown selected")

        // Edit it in place.
        var before = s.store.content.record(id: sony)
        s.press("e")
        #expect(s.messageLine.hasPrefix("Edit note: 박진혁 자금 확인"))
        s.press("Ctrl-W").type("완료").press("Enter")
        #expect(s.messageLine == "Saved: Edit note on Sony Pictures hack (2014)")
        let edited = try #require(s.store.content.incidents[sony]?.meta.notes)
        #expect(edited.map(\.text) == ["박진혁 자금 완료"] && edited.first?.id == noteID)
        #expect(s.lines.contains("     박진혁 자금 완료"))
        expectUndoRedo(s, label: "Edit note on Sony Pictures hack (2014)", id: sony, before: before,
                       after: s.store.content.record(id: sony))

        // d then n keeps it; d then y deletes it. (Undo may have gone back to the list to show the
        // record: open it again and go to the top, its note.)
        if s.state.focus == .list { s.press("Enter") }
        s.press("g")
        #expect(s.state.selectedNote?.id == noteID)
        s.press("d")
        #expect(s.messageLine.hasPrefix("Delete the note by Analyst Kim of \(fixedTime)? y deletes"))
        s.press("n")
        #expect(s.messageLine == "Cancelled")
        #expect(s.store.content.incidents[sony]?.meta.notes.count == 1)
        before = s.store.content.record(id: sony)
        s.press("d", "y")
        #expect(s.messageLine == "Saved: Delete note from Sony Pictures hack (2014)")
        #expect(s.store.content.incidents[sony]?.meta.notes.isEmpty == true)
        #expect(!s.screen.contains("박진혁 자금 완료"))
        #expect(try file.onDisk().incidents[sony]?.meta.notes.isEmpty == true)
        expectUndoRedo(s, label: "Delete note from Sony Pictures hack (2014)", id: sony, before: before,
                       after: s.store.content.record(id: sony))
    }
}
