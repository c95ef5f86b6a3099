// Writes JSON the same way every time, so a case file diffs cleanly: keys in the order the
// encoder gives them, no spaces, and every character that could upset a terminal escaped
// (C0 and C1 controls, DEL, the line and paragraph separators), so `cat case.json` is safe.
// Slashes and non-ASCII text (박진혁) are written as they are, for people reading with jq.

public enum JSONWriter {
    public static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (k, pair) in object.pairs.enumerated() {
                if k > 0 { out += "," }
                writeString(pair.key, into: &out)
                out += ":"
                write(pair.value, into: &out)
            }
            out += "}"
        }
    }

    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Nearly every string needs no escape: one pass over its UTF-8 finds out, and it is then
        // appended whole instead of scalar by scalar (the slow part of writing a big case).
        if !needsEscape(s) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Whether `s` holds a quote, a backslash, a C0 or C1 control, DEL, U+2028 or U+2029.
    static func needsEscape(_ s: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(b) { return true }                        // C1
            if beforePrevious == 0xE2 && previous == 0x80 && (b == 0xA8 || b == 0xA9) { return true }  // U+2028/9
            beforePrevious = previous
            previous = b
        }
        return false
    }
}
