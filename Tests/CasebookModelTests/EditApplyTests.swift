import Testing
@testable import CasebookModel

@Suite("Applying edits, conflicts and inverses")
struct EditApplyTests {
    let c = Fixture.bithumb()
    let editor = Fixture.editor

    /// Applies `edit` to `c`, expecting a conflict; returns it, and checks the case did not change.
    func conflict(_ edit: Edit, on c: Case) -> EditConflict? {
        var copy = c
        do {
            try copy.apply(edit)
            Issue.record("expected a conflict applying \(edit.label)")
            return nil
        } catch {
            #expect(copy == c, "a failed edit must leave the case exactly as it was")
            return error
        }
    }

    @Test("an edit made on a record that has since changed is refused")
    func staleRecord() throws {
        let stale = try editor.set(field: "status", value: "confirmed", id: "inc-bithumb", in: c)
        let changed = try c.applying(editor.addNote("meanwhile", to: ["inc-bithumb"], in: c))
        let error = try #require(conflict(stale, on: changed))
        #expect(error == EditConflict(recordID: "inc-bithumb", reason: "the record changed since this edit was made"))
        #expect(error.description == "inc-bithumb: the record changed since this edit was made")
    }

    @Test("an edit of a deleted record is refused")
    func deletedRecord() throws {
        let stale = try editor.tag("hop", ids: ["t-2"], in: c)
        let deleted = try c.applying(editor.delete(ids: ["t-2"], in: c))
        #expect(conflict(stale, on: deleted)?.reason == "the record no longer exists")
    }

    @Test("adding twice is refused the second time")
    func addTwice() throws {
        let add = try editor.add(Fixture.source("src-new"), in: c)
        let once = try c.applying(add)
        #expect(conflict(add, on: once) == EditConflict(recordID: "src-new", reason: "a record with this id already exists"))
    }

    @Test("an add is refused when another kind has taken the id")
    func addClashesAcrossKinds() throws {
        let add = try editor.add(Fixture.source("x-1"), in: c)
        var other = c
        other.insert(Fixture.actor("x-1", name: "Someone"))
        #expect(conflict(add, on: other)?.recordID == "x-1")
    }

    @Test("a stale change to the case information is refused")
    func staleInfo() throws {
        let stale = try editor.set(field: "summary", value: "old view", id: "case", in: c)
        let changed = try c.applying(editor.set(field: "title", value: "New title", id: "case", in: c))
        #expect(conflict(stale, on: changed)?.recordID == "case")
    }

    @Test("all or nothing: if the last record conflicts, the earlier ones are rolled back")
    func allOrNothing() throws {
        let batch = try editor.tag("peel", ids: ["t-1", "t-2", "t-3"], in: c)
        #expect(batch.changes.count == 3)
        let changed = try c.applying(editor.set(field: "kind", value: "swap", id: "t-3", in: c))
        let error = try #require(conflict(batch, on: changed))
        #expect(error.recordID == "t-3")
        #expect(changed.transfers["t-1"]?.tags == [])
        #expect(changed.transfers["t-2"]?.tags == [])
    }

    @Test("a change may not alter a record's id or kind")
    func changeIdentity() throws {
        let renamed = Edit(command: "x", label: "x", time: Fixture.editTime, author: "a",
                           changes: [.record(before: c.record(id: "t-1"),
                                             after: Fixture.transfer("t-100", from: "w-a", to: "w-b"))])
        #expect(conflict(renamed, on: c)?.reason == "a change may not alter a record's id or kind")
        let rekinded = Edit(command: "x", label: "x", time: Fixture.editTime, author: "a",
                            changes: [.record(before: c.record(id: "src-news"), after: Fixture.actor("src-news", name: "N"))])
        #expect(conflict(rekinded, on: c)?.reason == "a change may not alter a record's id or kind")
        let empty = Edit(command: "x", label: "x", time: Fixture.editTime, author: "a",
                         changes: [.record(before: nil, after: nil)])
        #expect(conflict(empty, on: c)?.recordID == "?")
    }

    @Test("undoing an edit restores the case, and redoing it restores the edit's result")
    func undoRedo() throws {
        let edits: [(Case) throws -> Edit] = [
            { try editor.addNote("n", to: ["t-1", "w-a"], in: $0) },
            { try editor.tag("x", ids: ["t-1", "t-2", "t-3"], in: $0) },
            { try editor.untag("laundering", ids: ["t-3"], in: $0) },
            { try editor.cite("src-report", locator: "p. 2", ids: ["w-a"], in: $0) },
            { try editor.attribute(ids: ["w-b"], to: "act-bithumb", confidence: 5, basis: nil, sources: [], in: $0) },
            { try editor.set(field: "loss.ETH", value: "5 usd 2500", id: "inc-bithumb", in: $0) },
            { try editor.set(field: "title", value: "T", id: "case", in: $0) },
            { try editor.add(Fixture.actor("act-new", name: "New"), in: $0) },
            { try editor.delete(ids: ["t-2", "w-hot"], in: $0) },
        ]
        for make in edits {
            let edit = try make(c)
            let done = try c.applying(edit)
            #expect(done != c, "\(edit.label) changes the case")
            let undone = try done.applying(edit.inverse)
            #expect(undone == c, "undoing \(edit.label)")
            #expect(try undone.applying(edit) == done, "redoing \(edit.label)")
            #expect(conflict(edit.inverse, on: c) != nil, "the inverse of \(edit.label) does not apply before the edit")
        }
    }

    @Test("the inverse swaps before and after and reverses the order of changes")
    func inverseShape() throws {
        let edit = try editor.tag("z", ids: ["t-1", "t-2"], in: c)
        let inverse = edit.inverse
        #expect(inverse.targetIDs == ["t-2", "t-1"])
        #expect(inverse.label == edit.label && inverse.author == edit.author && inverse.time == edit.time)
        guard case .record(let before, let after) = inverse.changes[0] else {
            Issue.record("expected a record change")
            return
        }
        #expect(before == edit.changes[1].after && after == edit.changes[1].before)
        #expect(inverse.inverse == edit)
        #expect(inverse != edit)
    }

    @Test("an edit lists the records it touches once each")
    func targetIDs() {
        let t1 = c.record(id: "t-1")
        let edit = Edit(command: "x", label: "x", time: Fixture.editTime, author: "a", changes: [
            .record(before: t1, after: t1), .info(before: c.info, after: c.info),
            .record(before: nil, after: Fixture.source("s-9")), .record(before: t1, after: t1),
        ])
        #expect(edit.targetIDs == ["t-1", "case", "s-9"])
    }
}

private extension Change {
    var after: AnyRecord? {
        if case .record(_, let after) = self { return after }
        return nil
    }

    var before: AnyRecord? {
        if case .record(let before, _) = self { return before }
        return nil
    }
}
