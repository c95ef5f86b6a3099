// The summary as one self-contained HTML5 file: inline CSS only, no scripts, no external fonts,
// images or links. Print CSS sets the page size, keeps table rows and headings with their text,
// repeats table headers, and puts the marking in a fixed banner at the top and bottom of every
// printed page. All case text is escaped (& < > " ') after control characters are made visible.

import CasebookModel

public struct HTMLRenderer: Sendable {
    public init() {}

    /// Case text (one or more lines) as HTML text; line breaks become `<br>`.
    public static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var out = ""
            for ch in VisibleText.line(String(line)) {
                switch ch {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(ch)
                }
            }
            return out
        }.joined(separator: "<br>")
    }

    static let style = """
    :root { color-scheme: light; }
    body { font: 11pt/1.4 "DejaVu Sans", "Noto Sans", "Noto Sans CJK KR", sans-serif; color: #111; margin: 3.2em 2em; }
    .marking { position: fixed; left: 0; right: 0; text-align: center; font-weight: bold; letter-spacing: .08em;
      background: #fff; border: 0 solid #111; padding: .25em 0; font-size: 10pt; }
    .marking.top { top: 0; border-bottom-width: 1px; }
    .marking.bottom { bottom: 0; border-top-width: 1px; }
    h1 { font-size: 18pt; margin: .2em 0; }
    h2 { font-size: 13pt; border-bottom: 1px solid #888; margin-top: 1.4em; break-after: avoid; page-break-after: avoid; }
    p.meta { color: #333; margin: .1em 0; font-size: 9.5pt; }
    table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: 9pt; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th, td { border: 1px solid #bbb; padding: .2em .4em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    th { white-space: nowrap; }
    th { background: #eee; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    sup { font-size: 7pt; }
    ol.sources li, ul li { margin: .15em 0; }
    @page { size: A4; margin: 18mm 14mm; }
    @media print {
      body { margin: 0; padding: 2.2em 0; }
      h2 { break-after: avoid; }
      section { break-inside: auto; }
    }
    """

    static func notes(_ n: [Int]) -> String {
        n.map { "<a href=\"#src-\($0)\">\($0)</a>" }.joined(separator: ",").isEmpty
            ? "" : "<sup>" + n.map { "<a href=\"#src-\($0)\">\($0)</a>" }.joined(separator: ",") + "</sup>"
    }

    public func render(_ s: Summary) -> String {
        let marking = Self.escape(s.marking)
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(Self.escape(s.title))</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        <div class="marking top">\(marking)</div>
        <header>
        <h1>\(Self.escape(s.title))</h1>
        <p class="meta"><strong>Marking: \(marking)</strong></p>

        """
        for p in s.provenance { out += "<p class=\"meta\">\(Self.escape(p))</p>\n" }
        out += "</header>\n<main>\n"
        for block in s.blocks {
            switch block {
            case .heading(let h): out += "<h2>\(Self.escape(h))</h2>\n"
            case .paragraph(let p): out += "<p>\(Self.escape(p))</p>\n"
            case .bullets(let items): out += "<ul>\n" + items.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"
            case .numbered(let items):
                out += "<ol class=\"sources\">\n"
                out += items.map { "<li id=\"src-\($0.0)\" value=\"\($0.0)\">\(Self.escape($0.1))</li>\n" }.joined()
                out += "</ol>\n"
            case .table(let t): out += table(t)
            }
        }
        out += "</main>\n<div class=\"marking bottom\">\(marking)</div>\n</body>\n</html>\n"
        return out
    }

    func table(_ t: ReportTable) -> String {
        func cls(_ i: Int) -> String { t.rightAligned.contains(i) ? " class=\"num\"" : "" }
        var out = "<table>\n<thead><tr>"
        for (i, h) in t.headers.enumerated() { out += "<th\(cls(i))>\(Self.escape(h))</th>" }
        if t.hasNotes { out += "<th>Sources</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (r, row) in t.rows.enumerated() {
            out += "<tr>"
            for (i, c) in row.enumerated() { out += "<td\(cls(i))>\(Self.escape(c))</td>" }
            if t.hasNotes { out += "<td>\(Self.notes(r < t.notes.count ? t.notes[r] : []))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
