import CasebookModel

/// A one-line text editor for prompts: UTF-8 and wide characters, Left/Right/Home/End,
/// Ctrl-A/E/K/U/W, Backspace/Delete. Pasted control characters are dropped.
public struct LineEditor: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Insertion point, in characters.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Columns from the start of the text to the insertion point (where the screen cursor goes).
    public var cursorColumn: Int { characters[..<cursor].reduce(0) { $0 + TextWidth.of($1) } }

    /// Applies an editing key; returns false if the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard !c.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return true }
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"): characters.removeSubrange(..<cursor); cursor = 0
        case .ctrl("w"):
            var i = cursor
            while i > 0 && characters[i - 1] == " " { i -= 1 }
            while i > 0 && characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i..<cursor)
            cursor = i
        default: return false
        }
        return true
    }
}
