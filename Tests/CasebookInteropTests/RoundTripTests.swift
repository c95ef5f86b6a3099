import CasebookInterop
import CasebookModel
import CasebookReport
import CasebookStore
import Testing

@Suite("Export and re-import")
struct RoundTripTests {
    /// A generated case, plus what generation leaves out: notes, markings, citations with
    /// locators, aliases with sources, sanctions, losses, an attribution of unknown confidence,
    /// and times without milliseconds or with partial dates.
    static func richCase() -> Case {
        var c = SyntheticCase.make(transfers: 400, seed: 7)
        c.insert(.source(Source(meta: RecordMeta(id: "src-fbi-2018", created: "2026-02-02T10:00:00Z"),
                                title: "US v. Park Jin Hyok, criminal complaint", publisher: "US DOJ", date: "2018-06",
                                url: "https://www.justice.gov/opa/press-release/file/1092091/download", reliability: .a,
                                excerpt: "\"박진혁\" worked for Chosun Expo")))
        var lazarus = c.actors["act-group-0"]!
        lazarus.aliases = [Alias(name: "Hidden Cobra", source: "src-fbi-2018"), Alias(name: "라자루스")]
        lazarus.sanctions = [Sanction(programme: "CYBER2", authority: "OFAC", date: "2019-09-13", reference: "SDN")]
        lazarus.summary = "Line one\nline two, with \u{1B}[1mescapes\u{1B}[0m kept as data"
        lazarus.meta.notes = [Note(id: "n-1", author: "Kim", time: "2026-03-01T12:00:00Z", text: "한국어 메모"),
                              Note(id: "n-2", author: "Lee", time: "2026-03-02", text: "dated only")]
        lazarus.meta.sources = [Citation(source: "src-fbi-2018", locator: "p. 12")]
        lazarus.meta.tags = ["dprk", "apt"]
        lazarus.meta.marking = "TLP:AMBER+STRICT"
        c.actors[lazarus.id] = lazarus
        var incident = c.incidents.values.sorted { $0.id < $1.id }[0]
        incident.attributions.append(Attribution(actor: "act-person-0", confidence: Attribution.unknownConfidence,
                                                 basis: "named in the complaint", sources: [Citation(source: "src-fbi-2018", locator: "p. 3")]))
        incident.victim = "act-exchange-1"
        incident.country = "KR"
        incident.losses.append(Loss(asset: "KRW", amount: ExactDecimal("35000000000")!, usd: ExactDecimal("31000000.00")!))
        c.incidents[incident.id] = incident
        return c
    }

    @Test("a STIX export imported into an empty case gives back every record exactly")
    func stixRoundTrip() throws {
        let original = Self.richCase()
        var exporter = StixExporter(original, now: "2026-11-22T09:00:00Z")
        let bundle = exporter.bundle()
        var copy = Case(info: original.info, assets: original.assets)
        let result = try InteropFixtures.importInto(&copy, Array(bundle.utf8), name: "export.json")
        #expect(result.failures.isEmpty, "\(result.failures)")
        for kind in RecordKind.allCases {
            #expect(copy.records(of: kind) == original.records(of: kind), "\(kind.plural) differ after the round trip")
        }
        #expect(copy.validate().isEmpty)
        // Exporting again gives the same bundle: ids are stable.
        var again = StixExporter(copy, now: "2026-11-22T09:00:00Z")
        #expect(again.bundle() == bundle)
    }

    @Test("the CSV ledger re-imports to the same transfers, wallets made from its address columns")
    func csvRoundTrip() throws {
        let original = Self.richCase()
        let csv = LedgerExporter.csv(original).text
        var copy = Case(info: original.info, assets: original.assets)
        for kind: RecordKind in [.source, .incident, .actor] {
            for r in original.records(of: kind) { copy.insert(r) }
        }
        let result = try InteropFixtures.importInto(&copy, Array(csv.utf8), name: "ledger.csv")
        #expect(result.failures.isEmpty, "\(result.failures.prefix(3))")
        #expect(result.added[.transfer] == original.transfers.count)
        for t in original.transfers.values {
            let back = try #require(copy.transfers[t.id])
            #expect(back.time == t.time && back.from == t.from && back.to == t.to && back.asset == t.asset)
            #expect(back.amount == t.amount && back.usd == t.usd && back.txHash == t.txHash && back.incident == t.incident)
            #expect(back.kind == t.kind && back.basis == t.basis && back.meta.tags == t.meta.tags)
            #expect(copy.wallets[t.from]?.address == original.wallets[t.from]?.address)
        }
        // And into the case it came from: nothing changes.
        var same = original
        let again = try InteropFixtures.importInto(&same, Array(csv.utf8), name: "ledger.csv")
        #expect(again.edit == nil && again.unchanged[.transfer] == original.transfers.count)
    }

    @Test("--max-marking leaves out records marked above it, and every reference to them")
    func maxMarking() throws {
        let original = Self.richCase()
        var exporter = StixExporter(original, maxMarking: .amber, now: "2026-11-22T09:00:00Z")
        let bundle = exporter.bundle()
        #expect(exporter.withheld >= 1)
        #expect(!bundle.contains("Hidden Cobra"), "the AMBER+STRICT actor is left out")
        var copy = InteropFixtures.emptyCase()
        let result = try InteropFixtures.importInto(&copy, Array(bundle.utf8), name: "shared.json")
        #expect(result.failures.isEmpty)
        #expect(copy.actors["act-group-0"] == nil && copy.validate().isEmpty)
        let (json, withheld) = CaseExport.json(original, maxMarking: .amber)
        #expect(withheld >= 1)
        let doc = try CaseCoding.decode(text: json)
        #expect(doc.content.actors["act-group-0"] == nil && doc.content.validate().isEmpty && doc.history.entries.isEmpty)
    }
}
