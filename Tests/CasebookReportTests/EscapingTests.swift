import CasebookModel
import CasebookReport
import Foundation
import Testing

@Suite("Escaping untrusted case text")
struct EscapingTests {
    static let hostile: Case = {
        var c = Case(info: CaseInfo(title: "<script>alert('x')</script> & \"co\"", marking: "TLP:GREEN",
                                    summary: "line one\nline two | *bold* [link](http://x)", created: "2026-01-01T00:00:00Z"))
        c.insert(.source(Source(meta: Fixture.meta("src-1"), title: "Report <b>bold</b> | pipe", reliability: .b)))
        c.insert(.actor(Actor(meta: Fixture.meta("act-1"), name: "Group|Name <img src=x>", kind: .group)))
        c.insert(.incident(Incident(
            meta: Fixture.meta("inc-1", notes: [Note(id: "n1", author: "Eve\u{1B}]0;pwned\u{07}", time: "2026-01-02T00:00:00Z",
                                                     text: "\u{1B}[31mred alert\u{1B}[0m\nsecond | line `code`")],
                               sources: ["src-1"]),
            title: "Hack | with pipe\nand newline <i>", kind: .exchangeHack, started: "2018",
            losses: [Loss(asset: "BTC", amount: ExactDecimal("1.5")!, usd: ExactDecimal("100.00")!)],
            attributions: [Attribution(actor: "act-1", confidence: 80)])))
        return c
    }()

    static let summary = Summary(case: hostile, options: Fixture.options)

    @Test("no escape sequence or control character reaches any form raw")
    func noControls() {
        for (form, text) in Fixture.all(Self.summary) {
            #expect(!text.contains("\u{1B}"), "\(form)")
            #expect(!text.contains("\u{07}"), "\(form)")
            let visible = form == "markdown" ? "\\\\u\\{1b\\}\\[31mred alert" : "\\u{1b}[31mred alert"
            #expect(text.contains(visible), "\(form): shown as a visible escape")
        }
    }

    @Test("HTML: tags in data are escaped, and there are no scripts or external resources")
    func html() {
        let html = HTMLRenderer().render(Self.summary)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        #expect(html.contains("Hack | with pipe<br>and newline &lt;i&gt;"))
        #expect(!html.contains("href=\"http") && !html.contains("<link") && !html.contains("url("))
        #expect(html.contains("@page"))
        #expect(html.components(separatedBy: "class=\"marking").count == 3, "banner at top and bottom")
    }

    @Test("Markdown: pipes are escaped, newlines are <br>, and every table row has as many cells as its header")
    func markdown() {
        let md = MarkdownRenderer().render(Self.summary)
        #expect(md.contains("Hack \\| with pipe<br>and newline \\<i\\>"))
        #expect(md.contains("Group\\|Name \\<img src=x\\>"))
        #expect(md.contains("\\*bold\\* \\[link\\](http://x)"))
        #expect(!md.replacingOccurrences(of: "\\<", with: "").replacingOccurrences(of: "<br>", with: "").contains("<"),
                "no raw HTML from the data")
        var columns: Int?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            var unescaped = 0, previous: Character = " "
            for ch in line { if ch == "|" && previous != "\\" { unescaped += 1 }; previous = ch }
            if let columns { #expect(unescaped == columns, "\(line)") } else { columns = unescaped }
        }
    }

    @Test("text: one line per table row even when data has newlines")
    func text() {
        let text = TextRenderer(width: 132).render(Self.summary)
        #expect(text.contains("Hack | with pipe"))
        #expect(!text.contains("\u{1B}"))
    }
}
