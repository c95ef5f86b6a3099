@testable import CasebookInterop
import CasebookModel
import CasebookReport
import Testing

/// Edge cases found in review: each once crashed, misread money, leaked a withheld record or
/// overwrote an investigator's work.
@Suite("Import edge cases")
struct ImportEdgeTests {
    static let a = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", b = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"

    func ledger(_ rows: [String], header: String = "time,from,to,asset,amount", into c: inout Case,
                options: ImportOptions = ImportOptions()) throws -> ImportResult {
        try InteropFixtures.importInto(&c, Array(([header] + rows).joined(separator: "\n").utf8), name: "l.csv", options: options)
    }

    @Test("digits from other scripts and absurd prices fail their row instead of crashing")
    func noCrash() throws {
        var c = InteropFixtures.emptyCase()
        let r = try ledger(["٢٠١٨-٠٦-١٩,\(Self.a),\(Self.b),BTC,1", "2018-06-19 １４:03,\(Self.a),\(Self.b),BTC,1"], into: &c)
        #expect(r.failures.map(\.line) == [2, 3])
        let eth = try ledger(["0xabc,1529416980,0xde0de01e671438228c9efd48df34fef4d2ef6a2a,0x098b716b8aaf21512996dc57eb0615e2383e2f96,0.5,0,1e-38"],
                             header: "Txhash,UnixTimestamp,From,To,Value_IN(ETH),Value_OUT(ETH),Historical $Price/Eth", into: &c)
        #expect(eth.failures.first?.reason.hasPrefix("usd:") == true)
    }

    @Test("a comma is read as thousands only where it can be")
    func commas() throws {
        var c = InteropFixtures.emptyCase()
        _ = try ledger(["2020-01-01,\(Self.a),\(Self.b),BTC,\"0,125\"", "2020-01-02,\(Self.a),\(Self.b),BTC,\"1,250\""], into: &c)
        let amounts = c.transfers.values.sorted { $0.time < $1.time }.map(\.amount)
        #expect(amounts == [ExactDecimal("0.125")!, ExactDecimal("1250")!])
        var d = InteropFixtures.emptyCase()
        _ = try ledger(["2020-01-01;\(Self.a);\(Self.b);BTC;1,250"], header: "time;from;to;asset;amount", into: &d)
        #expect(d.transfers.values.first?.amount == ExactDecimal("1.25")!, "in a semicolon file the comma is the decimal point")
    }

    @Test("a re-import never lowers a marking, overwrites a stated confidence or resets a classification")
    func keepsInvestigatorsWork() throws {
        var c = InteropFixtures.emptyCase()
        try InteropFixtures.importInto(&c, InteropFixtures.bytes("small-bundle.json"), name: "b.json")
        let lotusID = "intrusion-set--00000000-0000-4000-8000-000000000010"
        c.actors[lotusID]!.meta.marking = "TLP:RED"
        let incidentID = "incident--00000000-0000-4000-8000-000000000021"
        c.incidents[incidentID]!.attributions[0].confidence = 70
        try InteropFixtures.importInto(&c, InteropFixtures.bytes("small-bundle.json"), name: "b.json")
        #expect(c.actors[lotusID]?.meta.marking == "TLP:RED")
        #expect(c.incidents[incidentID]?.attributions[0].confidence == 70, "the bundle states none; the case's 70 stays")

        let first = try ledger(["2020-01-01,\(Self.a),\(Self.b),BTC,1"], into: &c)
        let id = try #require(c.transfers.keys.first, "\(first.failures)")
        c.transfers[id]!.kind = .mixer
        let again = try ledger(["2020-01-01,\(Self.a),\(Self.b),BTC,1"], into: &c)
        #expect(again.edit == nil && c.transfers[id]?.kind == .mixer)
    }

    @Test("two lists that disagree on confidence settle instead of updating each other forever")
    func settles() throws {
        var c = AddressListTests.caseWithLazarus()
        var high = ImportOptions(); high.set = ["owner": "act-lazarus", "confidence": "95"]
        var low = ImportOptions(); low.set = ["owner": "act-lazarus", "confidence": "60"]
        let list = Array("0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1\n".utf8)
        try InteropFixtures.importInto(&c, list, name: "a.txt", options: high)
        try InteropFixtures.importInto(&c, list, name: "a.txt", options: low)
        let third = try InteropFixtures.importInto(&c, list, name: "a.txt", options: high)
        #expect(third.edit == nil)
        #expect(c.wallets.values.first?.attributions.map(\.confidence) == [95])
    }

    @Test("the CSV export hides withheld wallets and incidents too")
    func csvMarking() throws {
        var c = RoundTripTests.richCase()
        let t = try #require(c.transfers.values.sorted { $0.id < $1.id }.first { c.wallets[$0.from] != nil })
        c.wallets[t.from]?.meta.marking = "TLP:RED"
        let address = try #require(c.wallets[t.from]?.address)
        let (csv, withheld) = LedgerExporter.csv(c, maxMarking: .amber)
        #expect(!csv.contains(address) && withheld >= 2)
    }

    @Test("failed rows add no wallets; an id Casebook's own CSV names must exist")
    func noStrayWallets() throws {
        var c = InteropFixtures.emptyCase()
        let r = try ledger(["2020-01-01,\(Self.a),\(Self.b),DOGE,1"], into: &c)
        #expect(r.failures.count == 1 && c.wallets.isEmpty)
        var d = InteropFixtures.emptyCase()
        let own = try ledger(["t-1,2020-01-01,act-broker,,,\(Self.b),BTC,\(Self.b),BTC,1"],
                             header: "id,time,from,from_chain,from_address,to,to_chain,to_address,asset,amount", into: &d)
        #expect(own.failures.first?.reason == "from: act-broker is not in the case (import its records first)")
        #expect(d.wallets.isEmpty)
    }

    @Test("--strict also covers what fails while planning")
    func strictPlan() {
        var c = InteropFixtures.emptyCase()
        c.insert(.actor(Actor(meta: RecordMeta(id: "act-x", created: "2020-01-01T00:00:00Z"), name: "X", kind: .group)))
        var options = ImportOptions(); options.strict = true
        let csv = "id,time,from,to,from_address,to_address,asset,amount,from_chain,to_chain\nact-x,2020-01-01,w-1,w-2,\(Self.a),\(Self.b),BTC,1,BTC,BTC\n"
        #expect(throws: ImportError.self) {
            try Importer.plan(Array(csv.utf8), fileName: "s.csv", into: c, options: options, editor: InteropFixtures.editor)
        }
    }

    @Test("a record with a problem fails alone, with what referred to it")
    func perRecord() throws {
        let text = #"""
        {"type":"bundle","objects":[
        {"type":"x-casebook-wallet","id":"x-casebook-wallet--00000000-0000-4000-8000-000000000001","chain":"BTC","address":"bc1qa","x_casebook_version":1},
        {"type":"x-casebook-wallet","id":"x-casebook-wallet--00000000-0000-4000-8000-000000000002","chain":"BTC","address":"bc1qb","x_casebook_version":1},
        {"type":"x-casebook-transfer","id":"x-casebook-transfer--00000000-0000-4000-8000-000000000003","time":"2020-01-01","from_ref":"x-casebook-wallet--00000000-0000-4000-8000-000000000001","to_ref":"x-casebook-wallet--00000000-0000-4000-8000-000000000002","asset":"BTC","amount":"0.000000001","transfer_kind":"hop","basis":"observed","x_casebook_version":1},
        {"type":"x-casebook-transfer","id":"x-casebook-transfer--00000000-0000-4000-8000-000000000004","time":"2020-01-01","from_ref":"x-casebook-wallet--00000000-0000-4000-8000-000000000001","to_ref":"x-casebook-wallet--00000000-0000-4000-8000-000000000002","asset":"BTC","amount":"1","transfer_kind":"hop","basis":"observed","x_casebook_version":1},
        {"type":"intrusion-set","id":"intrusion-set--00000000-0000-4000-8000-000000000009","name":"Clash","x_casebook_id":"same"},
        {"type":"incident","id":"incident--00000000-0000-4000-8000-000000000009","name":"Clash","x_casebook_id":"same"}
        ]}
        """#
        var c = InteropFixtures.emptyCase()
        let r = try InteropFixtures.importInto(&c, Array(text.utf8), name: "t.json")
        #expect(r.added[.transfer] == 1 && r.added[.wallet] == 2)
        #expect(r.failures.contains { $0.line == 4 && $0.reason.contains("has 9 decimals but BTC allows 8") })
        #expect(r.failures.contains { $0.line == 7 && $0.reason.contains("already used by another kind") })
    }

    @Test("a note on several records, and a source that cites another, survive the STIX round trip")
    func sharedNoteAndSourceURLs() throws {
        var c = InteropFixtures.emptyCase()
        let shared = Note(id: "note--00000000-0000-4000-8000-0000000000ee", author: "A", time: "2021-01-01T00:00:00.000Z", text: "shared")
        c.insert(.source(Source(meta: RecordMeta(id: "src-a", created: "2020-01-01T00:00:00Z"), title: "A", url: "https://a.example/")))
        c.insert(.source(Source(meta: RecordMeta(id: "src-b", created: "2020-01-01T00:00:00Z", sources: [Citation(source: "src-a")]),
                                title: "B", url: "https://b.example/")))
        for id in ["act-1", "act-2"] {
            c.insert(.actor(Actor(meta: RecordMeta(id: id, created: "2020-01-01T00:00:00Z", notes: [shared]), name: id, kind: .group)))
        }
        var exporter = StixExporter(c, now: "2026-01-01T00:00:00Z")
        var copy = InteropFixtures.emptyCase()
        let r = try InteropFixtures.importInto(&copy, Array(exporter.bundle().utf8), name: "e.json")
        #expect(r.failures.isEmpty && r.notices.isEmpty)
        #expect(copy.sources == c.sources && copy.actors == c.actors)
    }

    @Test("a chain in the file name beats the address's shape; skip reasons are printed safely")
    func chainAndEscapes() throws {
        var c = InteropFixtures.emptyCase()
        _ = try InteropFixtures.importInto(&c, Array("1PfwHNxUnkpfkK9MKjMqzR3Xq3KCtq9u17\n".utf8), name: "sanctioned_addresses_BCH.txt")
        #expect(c.wallets.values.first?.chain == "BCH")
        let hostile = Array(#"{"type":"bundle","objects":[{"type":"x-\u001b]0;pwn\u0007","id":"x--1"}]}"#.utf8)
        let r = try InteropFixtures.importInto(&c, hostile, name: "h.json")
        #expect(!r.reportLines().joined().contains("\u{1B}"))
    }
}

@Suite("CSV fields")
struct CSVFieldTests {
    /// The field rule written the plain way (as it was before the byte-level fast path).
    static func reference(_ raw: String) -> String {
        var s = VisibleText.line(raw)
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test("quoting, escaping and the formula guard are the same on the fast path", arguments: [
        "", "plain", "tx-1", "2018-06-19T15:42:11Z", "0x9a07e7714b", "1,200", "say \"hi\"", "=SUM(A1)", "+1", "-5",
        "@cmd", "\tx", "line\nbreak", "cr\rhere", "a;b", "한국어 메모", "\u{1b}[31mred", "del\u{7f}", "~ok!", " lead",
    ])
    func sameAsReference(raw: String) {
        #expect(LedgerExporter.field(raw) == Self.reference(raw))
    }
}
