import Testing
@testable import CasebookModel

@Suite("Editor: notes, tags, citations, attributions")
struct EditorAnnotationTests {
    let c = Fixture.bithumb()
    let editor = Fixture.editor

    // MARK: Notes

    @Test("a note is added with the author, the time and the trimmed text")
    func addNote() throws {
        let edit = try editor.addNote("  Funds moved within an hour.\n", to: ["inc-bithumb"], in: c)
        #expect(edit.label == "Add note to Bithumb hack (2018)")
        #expect(edit.command == "note")
        #expect(edit.author == "analyst" && edit.time == Fixture.editTime)
        #expect(edit.targetIDs == ["inc-bithumb"])

        let after = try c.applying(edit)
        let incident = try #require(after.incidents["inc-bithumb"])
        let note = try #require(incident.notes.first)
        #expect(incident.notes.count == 1)
        #expect(note.author == "analyst")
        #expect(note.time == Fixture.editTime)
        #expect(note.text == "Funds moved within an hour.")
        #expect(!note.id.isEmpty)
        #expect(incident.meta.modified == Fixture.editTime)
        #expect(incident.meta.created == Fixture.created)
        // Nothing else changed.
        var expected = c
        expected.incidents["inc-bithumb"] = incident
        #expect(after == expected)
        #expect(after.validate() == [])
    }

    @Test("a note on several records names how many", arguments: [
        (["t-1", "t-2"], "Add note to 2 transfers"),
        (["t-1", "w-a", "inc-bithumb"], "Add note to 3 records"),
        (["t-1", "t-1"], "Add note to 100.5 BTC w-hot → w-a"),
    ])
    func noteOnMany(ids: [String], label: String) throws {
        let edit = try editor.addNote("seen", to: ids, in: c)
        #expect(edit.label == label)
        let after = try c.applying(edit)
        for id in Set(ids) { #expect(after.record(id: id)?.meta.notes.map(\.text) == ["seen"]) }
    }

    @Test("a note needs text and an existing record")
    func noteRefusals() {
        #expect(editError { () throws(EditError) in try editor.addNote("  \n ", to: ["t-1"], in: c) } == "a note needs some text")
        #expect(editError { () throws(EditError) in try editor.addNote("x", to: ["t-9"], in: c) } == "no record with id t-9")
        #expect(editError { () throws(EditError) in try editor.addNote("x", to: [], in: c) } == "no records given")
    }

    @Test("a note can be deleted again")
    func deleteNote() throws {
        let added = try c.applying(editor.addNote("first", to: ["w-a"], in: c))
        let noteID = try #require(added.wallets["w-a"]?.notes.first?.id)
        let removal = try editor.deleteNote(noteID, from: "w-a", in: added)
        #expect(removal.label == "Delete note from BTC bc1qaaaa")
        #expect(try added.applying(removal).wallets["w-a"]?.notes == [])
        #expect(editError { () throws(EditError) in try editor.deleteNote("note-zzz", from: "w-a", in: added) }
            == "w-a has no note note-zzz")
    }

    // MARK: Tags

    @Test("tagging a batch names the count and kind")
    func tagBatch() throws {
        let edit = try editor.tag("peel-chain", ids: ["t-1", "t-2", "t-3"], in: c)
        #expect(edit.label == "Tag 3 transfers 'peel-chain'")
        let after = try c.applying(edit)
        #expect(after.transfers["t-1"]?.tags == ["peel-chain"])
        #expect(after.transfers["t-3"]?.tags == ["laundering", "peel-chain"])
        #expect(after.transfers.values.allSatisfy { $0.meta.modified == Fixture.editTime })
        #expect(after.allTags == ["laundering", "peel-chain"])
    }

    @Test("records that already have the tag are left alone")
    func tagSkipsTagged() throws {
        let edit = try editor.tag(" laundering ", ids: ["t-1", "t-2", "t-3"], in: c)
        #expect(edit.label == "Tag 2 transfers 'laundering'")
        #expect(edit.targetIDs == ["t-1", "t-2"])
        let after = try c.applying(edit)
        #expect(after.transfers["t-3"] == c.transfers["t-3"], "t-3 is not touched, not even its modified time")
        #expect(after.transfers["t-1"]?.tags == ["laundering"])
    }

    @Test("tagging refuses a tag every record already has, and tags that are not one word")
    func tagRefusals() {
        #expect(editError { () throws(EditError) in try editor.tag("laundering", ids: ["t-3"], in: c) }
            == "already tagged 'laundering'")
        for bad in ["two words", "a,b", "", "  ", "tab\there"] {
            #expect(editError { () throws(EditError) in try editor.tag(bad, ids: ["t-1"], in: c) }
                == "a tag is one word with no spaces or commas: '\(bad)'")
        }
        #expect(editError { () throws(EditError) in try editor.tag("x", ids: ["t-1", "nope"], in: c) }
            == "no record with id nope")
    }

    @Test("untagging removes the tag from the records that have it")
    func untag() throws {
        let edit = try editor.untag("laundering", ids: ["t-3"], in: c)
        #expect(edit.label == "Remove tag 'laundering' from 40.5 BTC w-a → w-b")
        let after = try c.applying(edit)
        #expect(after.transfers["t-3"]?.tags == [])
        #expect(after.transfers["t-3"]?.meta.modified == Fixture.editTime)
        #expect(after.allTags == [])
        #expect(editError { () throws(EditError) in try editor.untag("laundering", ids: ["t-1"], in: c) }
            == "not tagged 'laundering'")
        // Only that tag goes; the record's other tags stay, in order.
        let many = try c.applying(editor.tag("peel", ids: ["t-3"], in: c))
        let both = try many.applying(editor.tag("watch", ids: ["t-3"], in: many))
        #expect(try both.applying(editor.untag("peel", ids: ["t-3"], in: both)).transfers["t-3"]?.tags
            == ["laundering", "watch"])
        #expect(editError { () throws(EditError) in try editor.untag("laundering", ids: ["t-404"], in: c) }
            == "no record with id t-404")
    }

    // MARK: Citations

    @Test("citing a source records the locator")
    func cite() throws {
        let edit = try editor.cite("src-report", locator: "p. 12", ids: ["inc-bithumb"], in: c)
        #expect(edit.label == "Cite 'Mandiant report' for Bithumb hack (2018)")
        let after = try c.applying(edit)
        #expect(after.incidents["inc-bithumb"]?.sources == [Citation(source: "src-report", locator: "p. 12")])
        let bare = try c.applying(editor.cite("src-news", locator: "", ids: ["t-1", "t-2"], in: c))
        #expect(bare.transfers["t-2"]?.sources == [Citation(source: "src-news", locator: nil)])
    }

    @Test("citing refuses unknown sources, non-sources and repeats")
    func citeRefusals() throws {
        #expect(editError { () throws(EditError) in try editor.cite("src-x", locator: nil, ids: ["t-1"], in: c) }
            == "no source with id src-x")
        #expect(editError { () throws(EditError) in try editor.cite("act-lazarus", locator: nil, ids: ["t-1"], in: c) }
            == "no source with id act-lazarus")
        let cited = try c.applying(editor.cite("src-news", locator: "p. 1", ids: ["t-1"], in: c))
        #expect(editError { () throws(EditError) in try editor.cite("src-news", locator: "p. 1", ids: ["t-1"], in: cited) }
            == "t-1 already cites src-news there")
        // A different place in the same source is a new citation.
        #expect(try cited.applying(editor.cite("src-news", locator: "p. 2", ids: ["t-1"], in: cited))
            .transfers["t-1"]?.sources.count == 2)
    }

    // MARK: Attributions

    @Test("attributing names the confidence in words", arguments: [
        (0, "none"), (1, "low"), (29, "low"), (30, "moderate"), (69, "moderate"), (70, "high"), (100, "high"),
    ])
    func attributeLabel(confidence: Int, word: String) throws {
        let edit = try editor.attribute(ids: ["w-a"], to: "act-lazarus", confidence: confidence, basis: "clustering",
                                        sources: ["src-report"], in: c)
        #expect(edit.label == "Attribute BTC bc1qaaaa to Lazarus Group (\(word), \(confidence))")
        let wallet = try #require(try c.applying(edit).wallets["w-a"])
        #expect(wallet.attributions == [Attribution(actor: "act-lazarus", confidence: confidence, basis: "clustering",
                                                    sources: [Citation(source: "src-report")])])
        #expect(wallet.meta.modified == Fixture.editTime)
    }

    @Test("a new attribution by the same actor replaces the earlier one")
    func attributeReplaces() throws {
        let edit = try editor.attribute(ids: ["w-b"], to: "act-lazarus", confidence: 20, basis: "", sources: [], in: c)
        let after = try c.applying(edit)
        #expect(after.wallets["w-b"]?.attributions == [Attribution(actor: "act-lazarus", confidence: 20)])
        // Another actor is added beside it, and the stronger one owns the wallet.
        let second = try editor.attribute(ids: ["w-b"], to: "act-bithumb", confidence: 90, basis: nil, sources: [], in: after)
        let both = try after.applying(second)
        #expect(both.wallets["w-b"]?.attributions.map(\.actor) == ["act-lazarus", "act-bithumb"])
        #expect(both.wallets["w-b"]?.owner == "act-bithumb")
        #expect(both.wallets(of: "act-lazarus").isEmpty)
    }

    @Test("only incidents and wallets can be attributed")
    func attributeWrongKind() {
        for (id, kind) in [("t-1", "transfer"), ("act-bithumb", "actor"), ("src-news", "source")] {
            #expect(editError { () throws(EditError) in
                try editor.attribute(ids: [id], to: "act-lazarus", confidence: 50, basis: nil, sources: [], in: c)
            } == "\(id) is a \(kind); only incidents and wallets are attributed")
        }
    }

    @Test("attributing refuses out-of-range confidence and unknown actors or sources")
    func attributeRefusals() {
        for bad in [101, -1] {
            #expect(editError { () throws(EditError) in
                try editor.attribute(ids: ["w-a"], to: "act-lazarus", confidence: bad, basis: nil, sources: [], in: c)
            } == "confidence must be 0-100, not \(bad)")
        }
        #expect(editError { () throws(EditError) in
            try editor.attribute(ids: ["w-a"], to: "w-b", confidence: 50, basis: nil, sources: [], in: c)
        } == "no actor with id w-b")
        #expect(editError { () throws(EditError) in
            try editor.attribute(ids: ["w-a"], to: "act-lazarus", confidence: 50, basis: nil, sources: ["src-x"], in: c)
        } == "no source with id src-x")
    }

    @Test("an attribution can be removed")
    func removeAttribution() throws {
        let edit = try editor.removeAttribution(ids: ["w-b"], actor: "act-lazarus", in: c)
        #expect(edit.label == "Remove attribution of BTC bc1qbbbb to act-lazarus")
        #expect(try c.applying(edit).wallets["w-b"]?.attributions == [])
        #expect(editError { () throws(EditError) in try editor.removeAttribution(ids: ["w-a"], actor: "act-lazarus", in: c) }
            == "w-a is not attributed to act-lazarus")
    }
}
