import Testing
@testable import CasebookModel

@Suite("Editor: adding and deleting records")
struct EditorRecordTests {
    let c = Fixture.bithumb()
    let editor = Fixture.editor

    @Test("adding a record stamps its times and puts it in the case")
    func add() throws {
        let wallet = Fixture.wallet("w-c", address: "bc1qcccccccccccccccccccccc",
                                    attributions: [Attribution(actor: "act-lazarus", confidence: 40)])
        let edit = try editor.add(wallet, in: c)
        #expect(edit.label == "Add wallet BTC bc1qcccc…cccccc")
        #expect(edit.command == "add")
        #expect(edit.targetIDs == ["w-c"])
        let after = try c.applying(edit)
        let added = try #require(after.wallets["w-c"])
        #expect(added.meta.created == Fixture.editTime)
        #expect(added.meta.modified == Fixture.editTime)
        #expect(added.address == "bc1qcccccccccccccccccccccc")
        #expect(after.recordCount == c.recordCount + 1)
        #expect(after.wallets(of: "act-lazarus").map(\.id) == ["w-b", "w-c"])
        #expect(after.validate() == [])
    }

    @Test("each kind of record can be added", arguments: [
        (Fixture.source("src-new", title: "FBI notice"), "Add source FBI notice"),
        (Fixture.actor("act-dprk", name: "DPRK", kind: .state), "Add actor DPRK"),
        (Fixture.incident("inc-new", title: "Coincheck hack (2018)", victim: "act-bithumb"), "Add incident Coincheck hack (2018)"),
        (Fixture.transfer("t-9", from: "w-b", to: "act-lazarus", amount: "0.00000001"), "Add transfer 0.00000001 BTC w-b → act-lazarus"),
    ])
    func addEachKind(record: AnyRecord, label: String) throws {
        let edit = try editor.add(record, in: c)
        #expect(edit.label == label)
        let after = try c.applying(edit)
        #expect(after.record(id: record.id)?.kind == record.kind)
        #expect(after.records(of: record.kind).count == c.records(of: record.kind).count + 1)
    }

    @Test("an id already used by any kind is refused")
    func addDuplicate() {
        #expect(editError { () throws(EditError) in try editor.add(Fixture.wallet("w-a", address: "x"), in: c) }
            == "the id w-a is already used")
        #expect(editError { () throws(EditError) in try editor.add(Fixture.source("act-lazarus"), in: c) }
            == "the id act-lazarus is already used")
    }

    @Test("a record with broken references or amounts is not added")
    func addWithProblems() {
        let dangling = Fixture.transfer("t-9", from: "w-gone", to: "w-a")
        #expect(editError { () throws(EditError) in try editor.add(dangling, in: c) }
            == "t-9: from: refers to w-gone, which is not in the case")
        let precise = Fixture.transfer("t-9", from: "w-a", to: "w-b", amount: "0.123456789")
        #expect(editError { () throws(EditError) in try editor.add(precise, in: c) }
            == "t-9: amount: has 9 decimals but BTC allows 8")
        #expect(editError { () throws(EditError) in try editor.add(Fixture.actor("act new", name: "X"), in: c) }
            == "act new: id: must be non-empty with no spaces")
    }

    @Test("deleting a record removes it")
    func delete() throws {
        let edit = try editor.delete(ids: ["t-1"], in: c)
        #expect(edit.label == "Delete transfer 100.5 BTC w-hot → w-a")
        #expect(edit.command == "delete")
        let after = try c.applying(edit)
        #expect(after.transfers["t-1"] == nil)
        #expect(after.record(id: "t-1") == nil)
        #expect(after.recordCount == c.recordCount - 1)
        var expected = c
        expected.transfers["t-1"] = nil
        #expect(after == expected)
    }

    @Test("deleting several records names how many")
    func deleteMany() throws {
        let edit = try editor.delete(ids: ["t-1", "t-2"], in: c)
        #expect(edit.label == "Delete 2 transfers")
        let mixed = try editor.delete(ids: ["t-3", "w-hot"], in: c)
        #expect(mixed.label == "Delete 2 records")
        let after = try c.applying(mixed)
        #expect(after.transfers["t-3"] == nil && after.wallets["w-hot"] == nil)
        #expect(after.transfers.count == 2)
    }

    @Test("deleting an unknown id is refused")
    func deleteUnknown() {
        #expect(editError { () throws(EditError) in try editor.delete(ids: ["t-1", "t-77"], in: c) }
            == "no record with id t-77")
        #expect(editError { () throws(EditError) in try editor.delete(ids: [], in: c) } == "no records given")
    }

    @Test("naming the same record twice deletes it once")
    func deleteRepeatedID() throws {
        let edit = try editor.delete(ids: ["t-1", "t-1"], in: c)
        let after = try c.applying(edit)
        #expect(after.transfers["t-1"] == nil)
        #expect(edit.label == "Delete transfer 100.5 BTC w-hot → w-a")
    }

    @Test("a deleted record comes back with its notes and tags when the delete is undone")
    func deleteUndo() throws {
        let noted = try c.applying(editor.addNote("keep me", to: ["t-3"], in: c))
        let edit = try editor.delete(ids: ["t-3"], in: noted)
        let gone = try noted.applying(edit)
        let back = try gone.applying(edit.inverse)
        #expect(back == noted)
        #expect(back.transfers["t-3"]?.tags == ["laundering"])
        #expect(back.transfers["t-3"]?.notes.map(\.text) == ["keep me"])
    }
}
