@testable import CasebookStore
import Testing

@Suite("JSON writer strings")
struct JSONWriterTests {
    /// The plain scalar-by-scalar escaping the fast path must agree with.
    static func reference(_ s: String) -> String {
        var out = "\""
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
        return out + "\""
    }

    @Test("every character that needs an escape gets one; plain text, Korean included, is written as it is")
    func escapes() {
        let samples = ["plain", "박진혁", "quote\"", "back\\slash", "tab\t", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9B}",
                       "line\u{2028}sep", "para\u{2029}", "\u{2027}\u{202A}", "é\u{80}", "€", "🙂", ""]
        for s in samples {
            #expect(JSONWriter.string(.string(s)) == Self.reference(s), "\(Array(s.unicodeScalars.map(\.value)))")
        }
    }

    @Test("random strings from a mix of risky and ordinary scalars agree with the reference")
    func random() {
        let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{2028}",
                                      "\u{2029}", "\u{2030}", "박", "\u{1F600}", "\u{C2}", "\u{E2}"]
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            var s = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(state >> 60) {
                s.unicodeScalars.append(pool[Int((state >> UInt64(k * 4 % 56)) % UInt64(pool.count))])
            }
            #expect(JSONWriter.string(.string(s)) == Self.reference(s))
        }
    }
}
