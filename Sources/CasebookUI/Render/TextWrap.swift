import CasebookModel

/// Breaks text into lines of at most `width` columns, at spaces where it can and inside a word
/// where it must (a 64-character tx hash in a 40-column detail area).
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let w = TextWidth.of(String(word))
            if used > 0 && used + 1 + w <= width {
                line += " " + word
                used += 1 + w
                continue
            }
            if used > 0 { out.append(line); line = ""; used = 0 }
            if w <= width {
                line = String(word)
                used = w
                continue
            }
            for ch in word {
                let cw = TextWidth.of(ch)
                if used + cw > width { out.append(line); line = ""; used = 0 }
                line.append(ch)
                used += cw
            }
        }
        if used > 0 || out.isEmpty { out.append(line) }
        return out
    }
}
