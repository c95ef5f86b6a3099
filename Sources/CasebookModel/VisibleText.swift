// Text from a case file or an import is untrusted: it may hold escape sequences that would move
// the cursor, retitle the terminal or hide text if printed raw. `visible` turns every control
// character (C0, DEL, C1 including ESC and CSI) and the bidirectional overrides used to disguise
// text into a visible `\u{..}` form, keeping ordinary text, Korean included, as it is.

public enum VisibleText {
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
    }

    /// Whether every byte of `text` is printable ASCII (space to `~`): text that is safe as it is,
    /// one line, one column a byte. Most of a case's text; asked of its bytes, not its characters.
    public static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// One line of safe text: newlines and tabs become `\n` and `\t` too.
    public static func line(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where isUnsafe(s): out += "\\u{" + String(s.value, radix: 16) + "}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Safe text that keeps its line breaks (for notes and excerpts shown in full).
    public static func lines(_ text: String) -> [String] {
        if isPrintableASCII(text) { return [text] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0).replacingTabs) }
    }
}

extension String {
    fileprivate var replacingTabs: String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}
