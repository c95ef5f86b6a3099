import Testing
@testable import CasebookModel

@Suite("VisibleText")
struct VisibleTextTests {
    @Test("ordinary text, Korean included, is kept as it is", arguments: [
        "Bithumb hack (2018)", "빗썸 해킹", "Lazarus → Tornado Cash", "price: $4,100,000", "",
    ])
    func ordinary(text: String) {
        #expect(VisibleText.line(text) == text)
    }

    @Test("terminal escape sequences are shown, not obeyed")
    func escapes() {
        #expect(VisibleText.line("\u{1B}[31mred\u{1B}[0m") == "\\u{1b}[31mred\\u{1b}[0m")
        #expect(VisibleText.line("\u{1B}]0;pwned\u{07}title") == "\\u{1b}]0;pwned\\u{7}title")
        #expect(VisibleText.line("a\u{9B}2Jb") == "a\\u{9b}2Jb")
        #expect(VisibleText.line("del\u{7F}") == "del\\u{7f}")
        #expect(VisibleText.line("back\u{08}space\rreturn") == "back\\u{8}space\\u{d}return")
    }

    @Test("bidirectional overrides and invisible separators are shown")
    func bidi() {
        #expect(VisibleText.line("invoice\u{202E}fdp.exe") == "invoice\\u{202e}fdp.exe")
        #expect(VisibleText.line("a\u{2066}b\u{2069}") == "a\\u{2066}b\\u{2069}")
        #expect(VisibleText.line("x\u{2028}y\u{FEFF}") == "x\\u{2028}y\\u{feff}")
    }

    @Test("a single line shows newlines and tabs as \\n and \\t")
    func newlinesOnOneLine() {
        #expect(VisibleText.line("first\nsecond\tthird") == "first\\nsecond\\tthird")
    }

    @Test("lines keeps line breaks, expands tabs and still escapes control characters")
    func lines() {
        #expect(VisibleText.lines("one\ntwo\tcols\n") == ["one", "two    cols", ""])
        #expect(VisibleText.lines("safe\n\u{1B}[2Jcleared") == ["safe", "\\u{1b}[2Jcleared"])
        #expect(VisibleText.lines("") == [""])
    }
}
