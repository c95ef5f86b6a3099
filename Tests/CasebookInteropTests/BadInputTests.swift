import CasebookInterop
import CasebookModel
import Testing

@Suite("Bad input to an import")
struct BadInputTests {
    func plan(_ text: String, name: String = "in.json", format: ImportFormat? = nil) throws -> ImportResult {
        var options = ImportOptions()
        options.format = format
        return try Importer.plan(Array(text.utf8), fileName: name, into: InteropFixtures.emptyCase(), options: options,
                                 editor: InteropFixtures.editor)
    }

    func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as ImportError { return e.message } catch { return "\(error)" }
        return nil
    }

    @Test("invalid JSON is reported with file, line and column")
    func invalidJSON() {
        let m = message { _ = try plan("{\"type\":\"bundle\",\n\"objects\":[ {\"type\": } ]}", name: "feed.json") }
        #expect(m == "feed.json:2:22: expected a value, found '}'")
    }

    @Test("deeply nested JSON is an error, not a crash")
    func deep() {
        let text = "{\"type\":\"bundle\",\"objects\":[" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "]}"
        let m = message { _ = try plan(text) }
        #expect(m?.contains("nested more than 512 levels deep") == true)
    }

    @Test("wrong types and missing ids fail their object; the rest imports")
    func wrongTypes() throws {
        let text = #"""
        {"type":"bundle","objects":[
        {"type":"intrusion-set","id":"intrusion-set--00000000-0000-4000-8000-000000000001","name":"Good"},
        {"type":"intrusion-set","name":"No id"},
        {"type":"intrusion-set","id":"intrusion-set--00000000-0000-4000-8000-000000000002","name":"Bad aliases","aliases":"one"},
        "just a string",
        {"type":"relationship","id":"relationship--00000000-0000-4000-8000-000000000003","relationship_type":"attributed-to","source_ref":"campaign--00000000-0000-4000-8000-000000000009","target_ref":"intrusion-set--00000000-0000-4000-8000-000000000001","confidence":"high"}
        ]}
        """#
        let result = try plan(text)
        #expect(result.added[.actor] == 1)
        #expect(result.failures.count == 4)
        #expect(result.failures.contains { $0.line == 3 && $0.reason == "has no \"id\" string" })
        #expect(result.failures.contains { $0.line == 4 && $0.reason == "aliases must be an array of strings, not a string" })
        #expect(result.failures.contains { $0.subject == "objects[3]" && $0.reason == "is not an object" })
        #expect(result.failures.contains { $0.line == 6 && $0.reason.contains("campaign--00000000-0000-4000-8000-000000000009") })
    }

    @Test("a bundle of 100,000 objects imports in one edit")
    func large() throws {
        var text = "{\"type\":\"bundle\",\"objects\":[\n"
        for k in 0..<100_000 {
            if k > 0 { text += ",\n" }
            text += "{\"type\":\"\(k % 10 == 0 ? "intrusion-set" : "indicator")\",\"id\":\"x--\(k)\",\"name\":\"Group \(k)\",\"created\":\"2020-01-01T00:00:00.000Z\"}"
        }
        text += "]}"
        let result = try plan(text)
        #expect(result.added[.actor] == 10_000)
        #expect(result.skipped["indicator (not modelled)"] == 90_000)
        #expect(result.edit?.changes.count == 10_001)
    }

    @Test("a huge string is kept whole, and a CSV field without its closing quote is named")
    func huge() throws {
        let name = String(repeating: "가", count: 300_000)
        let result = try plan("{\"type\":\"intrusion-set\",\"id\":\"intrusion-set--1\",\"name\":\"\(name)\"}")
        guard case .actor(let a)? = result.edit?.changes.compactMap({ if case .record(_, let r?) = $0, r.kind == .actor { r } else { nil } }).first else {
            Issue.record("no actor imported")
            return
        }
        #expect(a.name == name)
        let m = message { _ = try plan("time,from,to,asset,amount\n2020,\"bc1q,x,y,BTC,1\n", name: "l.csv", format: .csv) }
        #expect(m == "l.csv:2:1: a quoted field is never closed")
    }

    @Test("an id used by another kind in the case is refused and the record left as it is")
    func conflicts() throws {
        var c = InteropFixtures.emptyCase()
        c.insert(.wallet(Wallet(meta: RecordMeta(id: "intrusion-set--00000000-0000-4000-8000-000000000001", created: "2020-01-01T00:00:00Z"),
                                chain: "BTC", address: "bc1qxy")))
        let text = #"{"type":"bundle","objects":[{"type":"intrusion-set","id":"intrusion-set--00000000-0000-4000-8000-000000000001","name":"G"}]}"#
        let result = try Importer.plan(Array(text.utf8), fileName: "g.json", into: c, options: ImportOptions(), editor: InteropFixtures.editor)
        #expect(result.edit?.changes.allSatisfy { $0.targetID != "intrusion-set--00000000-0000-4000-8000-000000000001" } == true)
        #expect(result.failures.first?.reason.contains("is a wallet in the case") == true)
    }
}

@Suite("CSV reading")
struct CSVReaderTests {
    @Test("quotes, doubled quotes, line breaks in fields, CRLF, a BOM and semicolons")
    func rfc4180() throws {
        let text = "\u{FEFF}a;b;c\r\n\"x;1\";\"say \"\"hi\"\"\";\"two\nlines\"\r\nplain; spaced ;\r\n"
        let rows = try CSVReader.rows(Array(text.utf8))
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["x;1", "say \"hi\"", "two\nlines"], ["plain", "spaced", ""]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test("bad CSV names its line and column")
    func errors() {
        #expect(throws: CSVError.self) { try CSVReader.rows(Array("a,b\nx\"y,z\n".utf8)) }
        do { _ = try CSVReader.rows(Array("a,b\nx\"y,z\n".utf8)) } catch { #expect(error.line == 2 && error.column == 2) }
        do { _ = try CSVReader.rows([0x61, 0x0A, 0xFF, 0xFE]) } catch { #expect(error.line == 2 && error.message.contains("UTF-8")) }
    }
}
