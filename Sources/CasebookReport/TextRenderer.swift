// The summary as plain text for a printer: fixed page width (80 columns by default) and length
// (60 lines), each page with a header (case title, marking) and a footer (marking, "page N of M"),
// pages separated by a form feed. Widths are display columns, so Korean names line up. Tables too
// wide for the page are set as one block per row instead, so nothing is ever cut off.
// Case text is made visible (VisibleText) before it is measured: no escape reaches the printer.

import CasebookModel

public struct TextRenderer: Sendable {
    public var width: Int
    public var pageLength: Int

    public init(width: Int = 80, pageLength: Int = 60) {
        self.width = max(40, width)
        self.pageLength = max(12, pageLength)
    }

    /// A body line, and how many lines after it must stay on its page (a heading keeps its first rows).
    struct Line { var text: String; var keep = 0 }

    public func render(_ s: Summary) -> String {
        paginate(body(s), title: Self.safe(s.title), marking: Self.safe(s.marking))
    }

    static func safe(_ text: String) -> String { VisibleText.lines(text).joined(separator: " ") }

    func body(_ s: Summary) -> [Line] {
        var out: [Line] = []
        func add(_ text: String, keep: Int = 0) { out.append(Line(text: text, keep: keep)) }
        func wrap(_ text: String, first: String = "", rest: String = "") {
            var prefix = first
            for para in VisibleText.lines(text) {
                for l in TextWidth.wrap(para, to: width - TextWidth.of(prefix)) {
                    add(prefix + l); prefix = rest.isEmpty ? String(repeating: " ", count: TextWidth.of(first)) : rest
                }
            }
        }
        wrap(s.title.uppercased())
        wrap("Marking: " + s.marking)
        for p in s.provenance { wrap(p) }
        for block in s.blocks {
            switch block {
            case .heading(let h):
                add("")
                add(Self.safe(h).uppercased(), keep: 3)
                add(String(repeating: "-", count: min(width, TextWidth.of(Self.safe(h)))), keep: 2)
            case .paragraph(let p):
                wrap(p); add("")
            case .bullets(let items):
                for i in items { wrap(i, first: "- ", rest: "  ") }
                add("")
            case .numbered(let items):
                let w = String(items.map(\.0).max() ?? 0).count + 3
                for (n, t) in items { wrap(t, first: TextWidth.pad("[\(n)]", to: w)) }
            case .table(let t):
                out += table(t); add("")
            }
        }
        while out.last?.text == "" { out.removeLast() }
        return out
    }

    static func notes(_ n: [Int]) -> String { n.isEmpty ? "" : "[" + n.map(String.init).joined(separator: ",") + "]" }

    func table(_ t: ReportTable) -> [Line] {
        var headers = t.headers
        var rows = t.rows.map { $0.map { VisibleText.lines($0).joined(separator: " / ") } }
        if t.hasNotes {
            headers.append("SRC")
            for i in rows.indices { rows[i].append(Self.notes(i < t.notes.count ? t.notes[i] : [])) }
        }
        var widths = headers.map(TextWidth.of)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], TextWidth.of(c)) } }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total <= width {
            func line(_ cells: [String]) -> String {
                var l = cells.enumerated().map { i, c in TextWidth.pad(c, to: widths[i], right: t.rightAligned.contains(i)) }
                    .joined(separator: "  ")
                while l.hasSuffix(" ") { l.removeLast() }
                return l
            }
            return [Line(text: line(headers), keep: 2), Line(text: widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), keep: 1)]
                + rows.map { Line(text: line($0)) }
        }
        // Too wide: one block per row, key columns first, the rest as "HEADER: value" lines.
        var out: [Line] = []
        for (r, raw) in t.rows.enumerated() {
            if r > 0 { out.append(Line(text: "")) }
            var head = raw.prefix(t.keyColumns).map(Self.safe).filter { !$0.isEmpty }.joined(separator: " · ")
            if r < t.notes.count, !t.notes[r].isEmpty { head += " " + Self.notes(t.notes[r]) }
            let first = TextWidth.wrap(head, to: width - 2)
            out += first.enumerated().map { Line(text: ($0.offset == 0 ? "" : "  ") + $0.element, keep: $0.offset == 0 ? 1 : 0) }
            for (i, cell) in raw.enumerated().dropFirst(t.keyColumns) where !cell.isEmpty {
                let label = "    " + t.headers[i].lowercased() + ": "
                var prefix = label
                for para in VisibleText.lines(cell) {
                    for l in TextWidth.wrap(para, to: width - TextWidth.of(label)) {
                        out.append(Line(text: prefix + l)); prefix = String(repeating: " ", count: TextWidth.of(label))
                    }
                }
            }
        }
        return out
    }

    func paginate(_ lines: [Line], title: String, marking: String) -> String {
        let bodyLength = pageLength - 5
        var pages: [[String]] = [[]]
        for (i, line) in lines.enumerated() {
            let used = pages[pages.count - 1].count
            let keep = min(line.keep, lines.count - 1 - i)
            if used > 0 && (used + 1 + keep > bodyLength) { pages.append([]) }
            if pages[pages.count - 1].isEmpty && line.text.isEmpty { continue }
            pages[pages.count - 1].append(line.text)
        }
        let marking = TextWidth.truncate(marking, to: width / 2)
        let m = TextWidth.of(marking)
        let header = TextWidth.pad(TextWidth.truncate(title, to: width - m - 2), to: width - m) + marking
        return pages.enumerated().map { n, body in
            let footer = "page \(n + 1) of \(pages.count)"
            let foot = TextWidth.pad(TextWidth.truncate(marking, to: width - footer.count - 2), to: width - footer.count) + footer
            let padded = body + Array(repeating: "", count: bodyLength - body.count)
            return ([header, String(repeating: "=", count: width), ""] + padded + ["", foot]).joined(separator: "\n")
        }.joined(separator: "\n\u{0C}") + "\n"
    }
}
