import CasebookModel
import CasebookReport
import Testing

@Suite("Summary of the demo case")
struct SummaryGoldenTests {
    static let summary = Summary(case: Fixture.demo, options: Fixture.options)

    @Test("golden files in all three forms", arguments: ["text", "markdown", "html"])
    func golden(form: String) {
        let s = Self.summary
        let (text, ext): (String, String) = switch form {
        case "text": (TextRenderer().render(s), "txt")
        case "markdown": (MarkdownRenderer().render(s), "md")
        default: (HTMLRenderer().render(s), "html")
        }
        if let failure = Golden.check(text, named: "demo-summary.\(ext)") { Issue.record(Comment(rawValue: failure)) }
    }

    @Test("the seed reports' figures: Bithumb's three hacks, and the UN's five attacks listed but not added in")
    func seedFigures() {
        let f = Self.summary.figures
        #expect(f.incidentCount == 10)
        #expect(f.aggregateCount == 1)
        #expect(f.totalUSD == ExactDecimal("132000000")!)
        #expect(f.aggregates.map(\.usd) == [ExactDecimal("571000000")!])
        #expect(Self.summary.incidents.filter { $0.victim == "Bithumb" }.count == 3)
        let un = Self.summary.incidents.first { $0.isAggregate }!
        #expect(!un.notes.isEmpty)
        for (form, text) in Fixture.all(Self.summary) {
            #expect(text.contains("571,000,000.00"), "\(form)")
            #expect(text.contains("132,000,000.00"), "\(form)")
            #expect(text.contains("not added into totals"), "\(form)")
            #expect(!text.contains("703,000,000.00"), "\(form): the aggregate must not be added in")
        }
    }

    @Test("sources are numbered by first citation and every incident row cites one")
    func footnotes() {
        let s = Self.summary
        #expect(s.sources.map(\.number) == Array(1...s.sources.count))
        #expect(s.incidents.allSatisfy { !$0.notes.isEmpty })
        #expect(s.incidents.first?.notes == [1])
        let cited = Set(s.incidents.flatMap(\.notes) + s.actors.flatMap(\.notes) + s.flows.flatMap(\.notes))
        #expect(cited == Set(s.sources.filter(\.cited).map(\.number)))
        #expect(s.problems.isEmpty)
    }

    @Test("the fingerprint is the SHA-256 of the canonical case and changes with it")
    func fingerprint() {
        #expect(Self.summary.fingerprint.count == 16)
        var changed = Fixture.demo
        changed.info.title += "!"
        #expect(Summary(case: changed, options: Fixture.options).fingerprint != Self.summary.fingerprint)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 test vectors")
    func vectors() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
