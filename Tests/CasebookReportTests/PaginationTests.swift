import CasebookModel
import CasebookReport
import Testing

@Suite("Text pagination")
struct PaginationTests {
    /// The demo plus Korean names and a long unbroken word, so wide characters and hard breaks are exercised.
    static let wide: Case = {
        var c = Fixture.demo
        c.insert(.actor(Actor(meta: Fixture.meta("act-kr"), name: "조선민주주의인민공화국 정찰총국 제121국 " + String(repeating: "해", count: 70),
                              kind: .unit, aliases: [Alias(name: "박진혁"), Alias(name: "김정은")], country: "KP")))
        c.insert(.incident(Incident(meta: Fixture.meta("inc-long", sources: ["src-simms-2019"]),
                                    title: String(repeating: "x", count: 200), kind: .other, started: "2020")))
        return c
    }()

    @Test("every line fits the width, pages are 60 lines with header and footer, form feeds between", arguments: [80, 132])
    func pages(width: Int) {
        let text = TextRenderer(width: width).render(Summary(case: Self.wide, options: Fixture.options))
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count > 1)
        for (n, page) in pages.enumerated() {
            var lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if n < pages.count - 1 { #expect(lines.last == "") } // "\n" before the form feed
            if lines.last == "" { lines.removeLast() }
            #expect(lines.count == 60, "page \(n + 1)")
            for line in lines { #expect(TextWidth.of(line) <= width, "\(line)") }
            #expect(lines[0].hasPrefix("DPRK exchange hacks") && lines[0].hasSuffix("TLP:CLEAR"))
            #expect(lines.last!.hasSuffix("page \(n + 1) of \(pages.count)"))
            #expect(lines.last!.hasPrefix("TLP:CLEAR"))
        }
        #expect(text.contains("박진혁"))
    }

    @Test("a wider page holds more and sets tables as tables")
    func widerIsShorter() {
        let s = Summary(case: Fixture.demo, options: Fixture.options)
        let narrow = TextRenderer(width: 80).render(s), wide = TextRenderer(width: 132).render(s)
        #expect(wide.split(separator: "\u{0C}").count <= narrow.split(separator: "\u{0C}").count)
        #expect(wide.contains("DATE        INCIDENT") || wide.contains("INCIDENT"))
    }

    @Test("display width: Hangul takes two columns, combining marks none")
    func width() {
        #expect(TextWidth.of("박진혁") == 6)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.wrap("가나다라마바사", to: 5).allSatisfy { TextWidth.of($0) <= 5 })
    }
}
