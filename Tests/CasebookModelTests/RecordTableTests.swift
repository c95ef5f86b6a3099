// RecordTable against the Dictionary it replaced: for random sequences of insertions,
// replacements and removals, the same records under the same ids, the same count and keys, and
// equality that ignores where records happen to lie.

import PropertyBased
import Testing
@testable import CasebookModel

@Suite("Record table")
struct RecordTableTests {
    func source(_ n: Int, title: String) -> Source {
        Source(meta: RecordMeta(id: "src-\(n)", created: "2026-01-01T00:00:00Z"), title: title)
    }

    @Test("random inserts, replacements and removals leave what a dictionary would hold")
    func behavesAsADictionary() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...9_999).array(of: 1...200)) { ops in
            var table = RecordTable<Source>()
            var reference: [String: Source] = [:]
            for (step, op) in ops.enumerated() {
                let n = op % 40
                switch op % 3 {
                case 0, 1:
                    let s = source(n, title: "t\(step)")
                    #expect(table.updateValue(s, forKey: s.id) == reference.updateValue(s, forKey: s.id))
                default:
                    #expect(table.removeValue(forKey: "src-\(n)") == reference.removeValue(forKey: "src-\(n)"))
                }
                #expect(table.count == reference.count)
            }
            for (id, s) in reference { #expect(table[id] == s) }
            #expect(Set(table.keys) == Set(reference.keys))
            #expect(table.map(\.key).sorted() == reference.keys.sorted())
            for (id, s) in table { #expect(s.id == id && reference[id] == s) }
            #expect(table.keys.contains("src-40") == false)
            for (place, pair) in table.enumerated() { #expect(table.index(forKey: pair.key) == place) }
        }
    }

    @Test("tables with the same records in other places are equal; a changed record is not")
    func equalityIgnoresPlaces() {
        var a = RecordTable<Source>(), b = RecordTable<Source>()
        for n in 0..<5 { a[source(n, title: "x").id] = source(n, title: "x") }
        for n in (0..<5).reversed() { b[source(n, title: "x").id] = source(n, title: "x") }
        #expect(a == b)
        #expect(a.values != b.values)
        b["src-2"]?.title = "changed"
        #expect(a != b)
        b["src-2"] = nil
        #expect(b.count == 4 && b["src-2"] == nil && b["src-4"]?.title == "x")
        let literal: RecordTable<Source> = ["src-9": source(9, title: "y")]
        #expect(literal.count == 1 && literal.keys.contains("src-9"))
    }
}
