import Testing
@testable import CasebookModel

// RecordMeta keeps the marking and annotations in one shared box (absent while all are empty):
// it must still behave as the plain struct of fields it was. A copy changed leaves the original
// as it was, equal fields mean equal records whatever the box's history, and hashing agrees.

@Suite("Record meta")
struct RecordMetaTests {
    static let note = Note(id: "n1", author: "분석관", time: "2026-11-23T01:00:00Z", text: "라자루스 세탁 경로")

    @Test("a changed copy leaves the original as it was, for every boxed field")
    func copiesAreIndependent() {
        let original = RecordMeta(id: "tx-1", created: "2026-01-01T00:00:00Z", marking: "TLP:AMBER",
                                  tags: ["lazarus"], notes: [Self.note], sources: [Citation(source: "src-un-2019")])
        var copy = original
        copy.tags.append("bithumb")
        copy.notes[0].text = "changed"
        copy.sources.removeAll()
        copy.marking = nil
        #expect(original.tags == ["lazarus"])
        #expect(original.notes == [Self.note])
        #expect(original.sources == [Citation(source: "src-un-2019")])
        #expect(original.marking == "TLP:AMBER")
        #expect(copy.tags == ["lazarus", "bithumb"])
        #expect(copy.notes.map(\.text) == ["changed"])
        #expect(copy.sources.isEmpty && copy.marking == nil)
        #expect(copy != original)
    }

    @Test("a record given annotations and then cleared of them equals one that never had any")
    func clearedEqualsNever() {
        let never = RecordMeta(id: "wal-1", created: "2026-01-01T00:00:00Z")
        var cleared = never
        cleared.tags = ["a"]
        cleared.notes.append(Self.note)
        cleared.marking = "TLP:RED"
        #expect(cleared != never)
        cleared.tags.removeAll()
        cleared.notes = []
        cleared.marking = nil
        #expect(cleared == never)
        #expect(cleared.hashValue == never.hashValue)
        #expect(cleared.extras == nil, "no box is kept once every field is empty")
        #expect(Set([never, cleared]).count == 1)
        var emptied = never
        emptied.sources = []
        emptied.tags = []
        emptied.notes = []
        emptied.marking = nil
        #expect(emptied.extras == nil && emptied == never, "setting empty values makes no box")
    }

    @Test("records with the same fields are equal and hash alike, boxed separately or shared")
    func equalFieldsEqualRecords() {
        let a = RecordMeta(id: "inc-1", created: "t", modified: "u", marking: "TLP:GREEN", tags: ["x", "y"])
        var b = RecordMeta(id: "inc-1", created: "t", modified: "u")
        b.tags = ["x", "y"]
        b.marking = "TLP:GREEN"
        #expect(a == b && a.hashValue == b.hashValue)
        let shared = a
        #expect(shared == a && shared.extras === a.extras, "a copy shares the box until it is changed")
        var changed = shared
        changed.tags[1] = "z"
        #expect(changed.extras !== a.extras && a.tags == ["x", "y"] && changed.tags == ["x", "z"])
    }
}
