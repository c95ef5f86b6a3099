// The summary as GitHub-flavoured Markdown: valid pipe tables, footnotes `[^n]` on every claim
// row, and a numbered Sources list with the footnote definitions. Case text is data, never markup:
// control characters are made visible, Markdown-active characters are backslash-escaped, `|` is
// `\|` and a line break inside a cell is `<br>`.

import CasebookModel
import Foundation

public struct MarkdownRenderer: Sendable {
    public init() {}

    /// Characters that could start emphasis, code, links, HTML, tables, strike-through or entities.
    static let active: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!", "{", "}"]

    /// One line of case text as inert Markdown.
    static func escapeLine(_ text: String, start: Bool) -> String {
        var out = ""
        for ch in VisibleText.line(text) {
            if active.contains(ch) { out.append("\\") }
            out.append(ch)
        }
        guard start else { return out }
        // A line that would start a list or a heading underline.
        if let f = out.first, "-+=".contains(f) { out = "\\" + out }
        if let dot = out.firstIndex(where: { $0 == "." || $0 == ")" }), dot > out.startIndex,
           out[..<dot].allSatisfy(\.isNumber) {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// Case text that may span lines, as one Markdown line: breaks become `<br>`.
    public static func escape(_ text: String, start: Bool = false) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { escapeLine(String($0.element).replacingOccurrences(of: "\r", with: ""), start: start && $0.offset == 0) }
            .joined(separator: "<br>")
    }

    static func notes(_ n: [Int]) -> String { n.map { "[^\($0)]" }.joined() }

    public func render(_ s: Summary) -> String {
        var out = "# \(Self.escape(s.title))\n\n"
        out += "**Marking: \(Self.escape(s.marking))**\n\n"
        out += s.provenance.map { Self.escape($0) }.joined(separator: "  \n") + "\n"
        for block in s.blocks {
            out += "\n"
            switch block {
            case .heading(let h): out += "## \(Self.escape(h))\n"
            case .paragraph(let p): out += Self.escape(p, start: true) + "\n"
            case .bullets(let items): out += items.map { "- " + Self.escape($0) }.joined(separator: "\n") + "\n"
            case .numbered(let items):
                out += items.map { "\($0.0). " + Self.escape($0.1) }.joined(separator: "\n") + "\n"
                let cited = Set(s.sources.filter(\.cited).map(\.number))
                let defs = items.filter { cited.contains($0.0) }.map { "[^\($0.0)]: " + Self.escape($0.1) }
                if !defs.isEmpty { out += "\n" + defs.joined(separator: "\n") + "\n" }
            case .table(let t): out += table(t)
            }
        }
        out += "\n---\n\n**Marking: \(Self.escape(s.marking))**\n"
        return out
    }

    func table(_ t: ReportTable) -> String {
        var headers = t.headers.map { Self.escape($0) }
        if t.hasNotes { headers.append("Sources") }
        var out = "| " + headers.joined(separator: " | ") + " |\n|"
        for i in headers.indices { out += t.rightAligned.contains(i) ? " ---: |" : " --- |" }
        out += "\n"
        for (r, row) in t.rows.enumerated() {
            var cells = row.map { Self.escape($0) }
            if t.hasNotes { cells.append(r < t.notes.count ? Self.notes(t.notes[r]) : "") }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
