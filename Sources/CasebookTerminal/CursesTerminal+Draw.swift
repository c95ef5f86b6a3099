// Drawing a Grid: role → style → (attributes, colour pair), cells as wide characters, only the
// rows that changed since the last frame, one doupdate per frame.

import CNcursesw
import CasebookUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// How a role is drawn on this terminal.
struct CellStyle {
    var attributes: attr_t
    var pair: Int32
}

/// What reaches the terminal for one cell, whatever the grid holds: control characters never do.
public enum CellText {
    /// C0, DEL and C1 controls: drawn as `?` (the UI escapes them already; this is defence in depth).
    public static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) }

    /// The scalars to put in one cell: the first scalar of `ch` (a control replaced by `?`), then
    /// up to `maxMarks` later scalars that `isZeroWidth` accepts and that are not controls.
    /// Other later scalars (a second spacing scalar in an emoji sequence or a flag) are dropped:
    /// one terminal cell holds one spacing character.
    public static func scalars(of ch: Character, maxMarks: Int, isZeroWidth: (UInt32) -> Bool) -> [UInt32] {
        var out: [UInt32] = []
        for s in ch.unicodeScalars {
            let v = s.value
            if out.isEmpty {
                out.append(isControl(v) ? 0x3F : v)
            } else if out.count <= maxMarks, !isControl(v), isZeroWidth(v) {
                out.append(v)
            }
        }
        if out.isEmpty { out.append(0x20) }
        return out
    }
}

extension CursesTerminal {
    public func draw(_ grid: Grid, theme: Theme) {
        guard let win = window else { return }
        let rows = max(0, Int(shim_getmaxy(win)))
        let cols = max(0, Int(shim_getmaxx(win)))

        var full = needsFullRedraw || previousSize != (rows, cols)
        if let prev = previous {
            if prev.width != grid.width || prev.height != grid.height { full = true }
        } else {
            full = true
        }
        if currentTheme != theme {
            currentTheme = theme
            styleCache.removeAll()
            pairs.reset()
            full = true
        }
        if full {
            werase(win)
            clearok(win, true)
        }

        let h = min(rows, grid.height)
        let w = min(cols, grid.width)
        var buffer = [wchar_t](repeating: 0, count: Int(shim_CCHARW_MAX()) + 1)
        for y in 0..<h {
            if !full, let prev = previous {
                let range = (y * grid.width)..<((y + 1) * grid.width)
                if prev.cells[range] == grid.cells[range] { continue }
            }
            drawRow(y, of: grid, columns: w, window: win, theme: theme, buffer: &buffer)
        }

        if let c = grid.cursor, c.x >= 0, c.y >= 0, c.x < w, c.y < h {
            setCursorVisibility(1)
            wmove(win, Int32(c.y), Int32(c.x))
        } else {
            setCursorVisibility(0)
            if rows > 0, cols > 0 { wmove(win, Int32(rows - 1), 0) }
        }
        wnoutrefresh(win)
        doupdate()

        previous = grid
        previousSize = (rows, cols)
        needsFullRedraw = false
    }

    private func setCursorVisibility(_ v: Int32) {
        guard cursorVisible != -1, cursorVisible != v else { return }
        if curs_set(v) != ERR { cursorVisible = v }
    }

    /// Draws columns 0..<columns of row y. A wide character is drawn only when the terminal also
    /// thinks it is wide and it fits; a continuation cell not covered by what was drawn to its
    /// left becomes a blank, so the terminal's columns never drift from the grid's.
    private func drawRow(_ y: Int, of grid: Grid, columns: Int, window win: UnsafeMutablePointer<WINDOW>, theme: Theme,
                         buffer: inout [wchar_t]) {
        let maxMarks = Int(shim_CCHARW_MAX()) - 1
        var covered = 0          // first column not yet covered by a drawn character
        var cc = cchar_t()
        for x in 0..<columns {
            let cell = grid[x, y]
            let style = style(for: cell.role, theme: theme)
            if cell.continuation {
                if x < covered { continue }
                put([0x20], at: x, y, style, win, &cc, &buffer)
                covered = x + 1
                continue
            }
            var scalars = CellText.scalars(of: cell.char, maxMarks: maxMarks) { shim_wcwidth(wchar_t(bitPattern: $0)) == 0 }
            let gridWide = x + 1 < grid.width && grid[x + 1, y].continuation
            let termWidth = Int(shim_wcwidth(wchar_t(bitPattern: scalars[0])))
            var width = 1
            switch termWidth {
            case 2 where gridWide && x + 1 < columns:
                width = 2
            case 2 where gridWide:
                scalars = [0x20]                 // clipped by the terminal's right edge
            case 1:
                break
            default:
                scalars = [gridWide || termWidth == 2 ? 0x3F : (termWidth == 0 ? 0x20 : 0x3F)]
            }
            put(scalars, at: x, y, style, win, &cc, &buffer)
            covered = x + width
        }
    }

    private func put(_ scalars: [UInt32], at x: Int, _ y: Int, _ style: CellStyle, _ win: UnsafeMutablePointer<WINDOW>,
                     _ cc: inout cchar_t, _ buffer: inout [wchar_t]) {
        let n = min(scalars.count, buffer.count - 1)
        for i in 0..<n { buffer[i] = wchar_t(bitPattern: scalars[i]) }
        buffer[n] = 0
        if shim_setcchar(&cc, buffer, style.attributes, style.pair) != OK {
            buffer[0] = 0x3F
            buffer[1] = 0
            _ = shim_setcchar(&cc, buffer, style.attributes, style.pair)
        }
        // At the bottom-right cell waddch cannot advance and returns ERR, but the cell is stored
        // and doupdate paints it without scrolling (scrollok is off).
        _ = mvwadd_wch(win, Int32(y), Int32(x), &cc)
    }

    private func style(for role: Role, theme: Theme) -> CellStyle {
        if let s = styleCache[role] { return s }
        let rs = theme.style(role)
        var attrs = shim_A_NORMAL()
        if rs.attributes.contains(.bold) { attrs |= shim_A_BOLD() }
        if rs.attributes.contains(.underline) { attrs |= shim_A_UNDERLINE() }
        if rs.attributes.contains(.reverse) { attrs |= shim_A_REVERSE() }
        if rs.attributes.contains(.dim) { attrs |= shim_A_DIM() }
        if rs.attributes.contains(.italic) { attrs |= shim_A_ITALIC() }
        var pair: Int32 = 0
        if colorCount >= 8 {
            let fg = ColorChoice.pick(rs.foreground, colors: colorCount, foreground: true)
            let bg = ColorChoice.pick(rs.background, colors: colorCount, foreground: false)
            if fg.brightAsBold { attrs |= shim_A_BOLD() }
            pair = pairs.pair(foreground: fg.number, background: bg.number)
        }
        let s = CellStyle(attributes: attrs, pair: pair)
        styleCache[role] = s
        return s
    }
}
