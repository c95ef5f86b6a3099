import CasebookModel

// The screen as a value: rows of cells, each a grapheme, its width and its role. A wide
// character (2 columns) occupies its cell and a `continuation` cell after it, so column
// arithmetic stays simple and a terminal can draw the grid cell by cell. Drawing clips at the
// edges: text that would run past the right edge is cut, and a wide character that would be
// split by the edge becomes a space.

/// One screen cell.
public struct Cell: Sendable, Hashable {
    public var char: Character
    public var role: Role
    /// True for the right half of a wide character: terminals draw nothing here.
    public var continuation: Bool

    public init(_ char: Character = " ", role: Role = .text, continuation: Bool = false) {
        self.char = char
        self.role = role
        self.continuation = continuation
    }
}

/// A width × height array of cells that views draw into.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor should sit (the selected row), for screen readers.
    public var cursor: (x: Int, y: Int)? = nil

    public init(width: Int, height: Int, role: Role = .text) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(role: role), count: self.width * self.height)
    }

    public static func == (a: Grid, b: Grid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    /// Setting a cell keeps wide characters whole: writing over either half of one blanks the
    /// other half, so an overlay drawn across 박 never leaves half a character behind.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            let i = y * width + x
            if cells[i].continuation && !newValue.continuation && x > 0 {
                cells[i - 1] = Cell(" ", role: cells[i - 1].role)
            }
            if x + 1 < width && cells[i + 1].continuation && !(TextWidth.of(newValue.char) == 2) {
                cells[i + 1] = Cell(" ", role: cells[i + 1].role)
            }
            cells[i] = newValue
        }
    }

    /// Fills a rectangle with blanks of a role.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: Role) {
        let rows = max(0, y)..<max(max(0, y), min(height, y + h))
        let cols = max(0, x)..<max(max(0, x), min(width, x + w))
        for row in rows {
            for col in cols { self[col, row] = Cell(role: role) }
        }
    }

    /// Writes already-safe text at (x, y), clipped to `maxWidth` columns and the grid's edge.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for ch in text {
            let w = TextWidth.of(ch)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit, col >= 0 { self[col, y] = Cell(" ", role: role) }
                break
            }
            if col >= 0 {
                if w == 2 && col + 2 < width && self[col + 1, y].continuation == false && TextWidth.of(self[col + 1, y].char) == 2 {
                    self[col + 2, y] = Cell(" ", role: self[col + 2, y].role)   // the wide char we half-cover
                }
                self[col, y] = Cell(ch, role: role)
                if w == 2 { cells[y * width + col + 1] = Cell(" ", role: role, continuation: true) }
            }
            col += w
        }
        return col
    }

    /// Sets the role of `count` cells from (x, y) without changing their text (highlights).
    public mutating func paint(x: Int, y: Int, count: Int, role: Role) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(width, x + count)) { self[col, y].role = role }
    }

    /// The visible text of one row (continuation cells skipped), for tests and screen dumps.
    public func text(row y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].continuation { s.append(self[x, y].char) }
        return s
    }

    /// The whole screen as text, trailing spaces trimmed on each line.
    public var text: String {
        (0..<height).map { y in
            var line = text(row: y)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
