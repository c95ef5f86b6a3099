import CasebookModel
import CasebookTesting
import CasebookUI
import Foundation
import Testing

/// Rendering faults found while reading the snapshots, kept as tests now that they are fixed.

/// Problems with wide characters in a grid: a row whose visible text is not exactly the grid's
/// width, or a continuation cell with no wide character before it.
private func wideCharacterProblems(_ g: Grid) -> [String] {
    var problems: [String] = []
    for y in 0..<g.height {
        let row = g.text(row: y)
        if TextWidth.of(row) != g.width { problems.append("row \(y) is \(TextWidth.of(row)) columns: \(row)") }
        for x in 0..<g.width where g[x, y].continuation && (x == 0 || TextWidth.of(g[x - 1, y].char) != 2) {
            problems.append("row \(y): continuation at \(x) without a wide character before it")
        }
    }
    return problems
}

@Suite("Rendering issues") struct RenderingIssueTests {
    @Test func rowsWithoutOverlaysAreAlwaysTheirWidth() {
        // The baseline the next test holds overlays to: panes and detail with Korean text.
        for width in 60...200 {
            let s = Demo.scenario(width: width, height: 35)
            s.press("2", "/").type("박진혁").press("Enter")
            #expect(wideCharacterProblems(s.frame).isEmpty, "\(width)")
            s.press("Enter")
            #expect(wideCharacterProblems(s.frame).isEmpty, "\(width) detail")
        }
    }

    @Test func anOverlayEdgeOverAWideCharacterLeavesNoHalfCharacter() {
        // At 126×35 the help box's left border lands on the right half of 박 in the detail's
        // "alias 박진혁" line: the row becomes 127 columns wide (a terminal would shift or garble
        // it). At 165×35 the box's bottom edge ends on the left half of a wide character, leaving
        // an orphan continuation cell (stale screen content on a terminal).
        // Cause was: Grid.put and Grid.fill overwrote one half of a wide character without blanking
        // the other half (fixed in Grid's subscript setter).
        for (width, keys) in [(126, ["?"]), (165, ["?"]), (184, [":"]), (195, [":"])] {
            let s = Demo.scenario(width: width, height: 35)
            s.press("2", "/").type("박진혁").press("Enter")
            for k in keys { s.press(k) }
            #expect(wideCharacterProblems(s.frame).isEmpty, "\(width)×35 \(keys): \(wideCharacterProblems(s.frame))")
        }
    }

    @Test func gridPutOverHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(width: 6, height: 2)
        g.put("박진혁", x: 0, y: 0, role: .text)
        g.put("|", x: 1, y: 0, role: .overlayBorder)   // over the right half of 박
        g.put("박진혁", x: 0, y: 1, role: .text)
        g.put("|", x: 2, y: 1, role: .overlayBorder)   // over the left half of 진
        #expect(g.text(row: 0) == " |진혁")
        #expect(g.text(row: 1) == "박| 혁")
        var f = Grid(width: 6, height: 1)
        f.put("박진혁", x: 0, y: 0, role: .text)
        f.fill(x: 1, y: 0, width: 2, height: 1, role: .overlay)   // right half of 박, left half of 진
        #expect(f.text(row: 0) == "    혁")
    }

    @Test func aLongNameCanBeReadInFullInTheDetail() throws {
        // The title line is cut with an ellipsis, and the whole name is shown as a wrapped field.
        let name = String(repeating: "Lazarus subgroup ", count: 11) + "END-OF-NAME"
        var c = Demo.content
        try c.apply(Editor(author: "t", time: "2026-11-22T00:00:00Z").set(field: "name", value: name, id: "act-lazarus", in: c))
        let s = Scenario(case: c, width: 120, height: 35)
        s.press("2", "/").type("END-OF-NAME").press("Enter")
        #expect(s.state.current.selectedID == "act-lazarus")
        let title = try #require(s.row(containing: "Actor: Lazarus subgroup"))
        #expect(title.hasSuffix("…"), "\(title)")
        #expect(s.screen.contains("END-OF-NAME"))
    }

    @Test func helpLinesCutAtTheBoxEndInAnEllipsis() throws {
        let s = Demo.scenario()
        s.press("?")
        let row = try #require(s.row(containing: "column-left"))
        let inside = row.split(separator: "│")[1].trimmingCharacters(in: .whitespaces)
        #expect(inside.hasPrefix("h ←"))
        #expect(inside.hasSuffix("…"), "\(inside)")
    }
}
