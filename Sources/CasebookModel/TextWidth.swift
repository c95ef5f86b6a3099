import CasebookModel

// Terminal (and fixed-pitch printer) columns of text, computed here rather than by the C library
// so that layout is the same on every machine, in tests, on screen and on paper: Hangul, CJK ideographs, kana, fullwidth forms and most
// emoji take 2 columns; combining marks, zero-width joiners and format characters take 0;
// everything else 1. A Character (grapheme) is measured as the widest-rule sum of its scalars
// with later combining scalars counting 0, so "é" written as e + U+0301 is 1 column.

public enum TextWidth {
    /// Columns of one scalar.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }   // zero-width space, Hangul jungseong/jongseong
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x231A...0x231B).contains(v) || (0x2329...0x232A).contains(v)
            || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v) || (0xA960...0xA97F).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE10...0xFE19).contains(v)
            || (0xFE30...0xFE6F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v) || (0x1F680...0x1F6FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    /// Columns of one grapheme: its first scalar's width, plus any later scalar that is itself wide.
    public static func of(_ c: Character) -> Int {
        var total = 0
        for (i, s) in c.unicodeScalars.enumerated() {
            let w = of(s)
            if i == 0 { total = w } else if w == 2 { total = 2 }
        }
        return total
    }

    /// Printable ASCII is a column a byte (a summary measures every cell of its tables); any
    /// other text is measured character by character.
    public static func of(_ text: String) -> Int {
        VisibleText.isPrintableASCII(text) ? text.utf8.count : text.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `width` columns at a character boundary, ending in `ellipsis` when cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        let room = width - of(ellipsis)
        guard room >= 0 else { return String(repeating: ".", count: width) }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > room { break }
            out.append(ch)
            used += w
        }
        return out + ellipsis
    }

    /// `text` truncated or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    // For fixed-pitch output (printed summaries).

    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return right ? fill + text : text + fill
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = "", used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Word-wraps one line of text to `width` columns; words longer than a line are broken.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = [], line = "", used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            var w = of(word)
            if used > 0 && used + 1 + w <= width {
                line += " " + word; used += 1 + w; continue
            }
            if used > 0 { lines.append(line); line = ""; used = 0 }
            while w > width {
                var head = "", hw = 0
                for ch in word {
                    let cw = of(ch)
                    if hw + cw > width { break }
                    head.append(ch); hw += cw
                }
                if head.isEmpty { head = String(word.first!); hw = of(word.first!) }
                lines.append(head)
                word.removeFirst(head.count)
                w = of(word)
            }
            line = word; used = w
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
