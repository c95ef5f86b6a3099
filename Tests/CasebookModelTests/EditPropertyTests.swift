// Property tests: for random small cases and random sequences of edits made through Editor,
// every edit is undone exactly by its inverse, and a stale edit changes nothing.

import PropertyBased
import Testing
@testable import CasebookModel

@Suite("Edit properties")
struct EditPropertyTests {
    static let iterations = 250
    /// Choices for the case; choices for the edits.
    let caseTape = Gen.int(in: 0...99_999).array(of: 16...48)
    let editTape = Gen.int(in: 0...99_999).array(of: 20...120)

    /// Runs up to `steps` random edits from `start`, calling `body` with the case before each and the edit.
    func walk(_ start: Case, steps: Int = 12, allowDelete: Bool = true, _ t: inout Tape,
              _ body: (Case, Edit) throws -> Void) throws -> (end: Case, edits: [Edit]) {
        var current = start
        var edits: [Edit] = []
        for step in 0..<steps {
            guard let edit = RandomCase.edit(step: step, of: current, allowDelete: allowDelete, &t) else { continue }
            try body(current, edit)
            try current.apply(edit)
            edits.append(edit)
        }
        return (current, edits)
    }

    @Test("generated cases are consistent")
    func generatedCasesAreClean() async {
        await propertyCheck(count: Self.iterations, input: caseTape) { values in
            var t = Tape(values)
            let c = RandomCase.make(&t)
            #expect(c.validate() == [])
            #expect(c.recordCount >= 3)
        }
    }

    @Test("applying an edit then its inverse gives back the case before it; inverse.inverse is the edit")
    func inverseUndoesEachEdit() async {
        var applied = 0, commands = Set<String>()
        await propertyCheck(count: Self.iterations, input: caseTape, editTape) { caseValues, editValues in
            var ct = Tape(caseValues), et = Tape(editValues)
            let start = RandomCase.make(&ct)
            _ = try walk(start, &et) { before, edit in
                let after = try before.applying(edit)
                #expect(try after.applying(edit.inverse) == before, "undoing \(edit.label)")
                #expect(edit.inverse.inverse == edit)
                #expect(edit.inverse.changes.count == edit.changes.count)
                applied += 1
                commands.insert(edit.command)
            }
        }
        // The generator must actually exercise the editor, not have every edit refused.
        #expect(applied >= Self.iterations * 3)
        #expect(commands.isSuperset(of: ["note", "tag", "untag", "cite", "attribute", "set", "add", "delete"]))
    }

    @Test("applying a sequence then the inverses in reverse order gives back the original case")
    func undoWholeSequence() async {
        var changedSome = 0
        await propertyCheck(count: Self.iterations, input: caseTape, editTape) { caseValues, editValues in
            var ct = Tape(caseValues), et = Tape(editValues)
            let start = RandomCase.make(&ct)
            let (end, edits) = try walk(start, steps: 20, &et) { _, _ in }
            if end != start { changedSome += 1 }
            var undone = end
            for edit in edits.reversed() { try undone.apply(edit.inverse) }
            #expect(undone == start)
            // And redoing them all lands on the same end.
            var redone = undone
            for edit in edits { try redone.apply(edit) }
            #expect(redone == end)
        }
        #expect(changedSome > Self.iterations / 2)
    }

    @Test("an edit whose records changed since it was made throws and changes nothing")
    func staleEditChangesNothing() async {
        var conflicts = 0, multiChange = 0
        await propertyCheck(count: Self.iterations, input: caseTape, editTape) { caseValues, editValues in
            var ct = Tape(caseValues), et = Tape(editValues)
            let start = RandomCase.make(&ct)
            var deleting = caseValues[0] % 2 == 0
            _ = try walk(start, &et) { before, edit in
                deleting.toggle()
                // Disturb only the record of the last change, so earlier changes apply before the conflict.
                guard let last = edit.changes.last else { return }
                let disturbed = disturb(before, at: last, deleting: deleting)
                #expect(disturbed != before)
                var attempt = disturbed
                do throws(EditConflict) {
                    try attempt.apply(edit)
                    Issue.record("\(edit.label) applied to a case it did not see")
                } catch {
                    #expect(error.recordID == last.targetID)
                    #expect(attempt == disturbed, "a refused edit leaves the case exactly as it was")
                    conflicts += 1
                    if edit.changes.count > 1 { multiChange += 1 }
                }
            }
        }
        #expect(conflicts >= Self.iterations * 3)
        #expect(multiChange > 0, "some conflicts came after earlier changes of the same edit had been applied")
    }

    /// `c` with the target of `change` altered (or removed, or its id taken) behind the edit's back.
    func disturb(_ c: Case, at change: Change, deleting: Bool) -> Case {
        var d = c
        switch change {
        case .info:
            d.info.title += " (changed elsewhere)"
        case .record(let before?, _):
            if deleting {
                d.store(nil, id: before.id, kind: before.kind)
            } else {
                var r = before
                r.meta.tags.append("changed-elsewhere")
                d.store(r, id: r.id, kind: r.kind)
            }
        case .record(nil, let after?):
            d.insert(.source(Source(meta: RecordMeta(id: after.id, created: Fixture.created), title: "Squatter")))
        case .record(nil, nil):
            break
        }
        return d
    }

    @Test("edits other than deletion keep a clean case clean")
    func editorKeepsCaseClean() async {
        await propertyCheck(count: Self.iterations, input: caseTape, editTape) { caseValues, editValues in
            var ct = Tape(caseValues), et = Tape(editValues)
            let start = RandomCase.make(&ct)
            let (end, edits) = try walk(start, steps: 20, allowDelete: false, &et) { before, edit in
                let after = try before.applying(edit)
                #expect(after.validate() == [], "\(edit.label) gave the case a problem")
                for id in edit.targetIDs where id != "case" {
                    #expect(after.record(id: id).map { $0.meta.modified == edit.time } ?? true,
                            "\(edit.label) stamps modified on \(id)")
                }
            }
            #expect(end.recordCount >= start.recordCount)
            #expect(edits.allSatisfy { $0.command != "delete" })
        }
    }
}
