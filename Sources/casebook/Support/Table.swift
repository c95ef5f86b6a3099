import CasebookModel

// Plain-text tables for the command line. Cells are made safe (VisibleText) and measured in
// terminal columns, so Korean names (박진혁: 6 columns) line up; long cells are cut with "…".
// Until the screen's text-width module exists this is the one place that measures width.

struct Table {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns that hold numbers are right-aligned.
    var rightAligned: Set<Int> = []
    var maxWidth = 48

    init(_ headers: String...) { self.headers = headers }

    mutating func add(_ cells: [String?]) { rows.append(cells.map { VisibleText.line($0 ?? "") }) }

    func render() -> String {
        let all = [headers] + rows
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all { for (i, c) in row.enumerated() { widths[i] = min(maxWidth, max(widths[i], TextWidth.of(c))) } }
        var out = ""
        for row in all {
            var line = ""
            for (i, c) in row.enumerated() {
                let cell = TextWidth.truncate(c, to: widths[i])
                let pad = String(repeating: " ", count: widths[i] - TextWidth.of(cell))
                let last = i == row.count - 1
                line += rightAligned.contains(i) ? pad + cell : cell + (last ? "" : pad)
                if !last { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

enum TextWidth {
    /// Terminal columns of one scalar: 0 for combining marks, 2 for East Asian wide and fullwidth.
    static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    static func of(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + of($1) } }

    /// Cuts `text` to at most `width` columns at a character boundary, ending in "…" when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = ch.unicodeScalars.reduce(0) { $0 + of($1) }
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }
}
