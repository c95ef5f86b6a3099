import CasebookModel

// Plain-text tables for the command line. Cells are made safe (VisibleText) and measured in
// terminal columns with the screen's TextWidth, so Korean names (박진혁: 6 columns) line up; long
// cells are cut with "…".

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
