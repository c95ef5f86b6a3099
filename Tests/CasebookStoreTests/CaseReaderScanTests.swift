@testable import CasebookModel
@testable import CasebookStore
import Testing

// The fast reader's word-at-a-time scans against what they stand for: strings (sixteen bytes at
// a time, CCaseFile's casefile_plain_run), transaction hashes (sixteen hex digits at a time,
// casefile_hex16) and decimals (runs of up to eight digits), each with the odd byte at every
// place against the words, and with bytes after the value that must not be taken in.

@Suite struct CaseReaderScanTests {
    /// `value` at the start of a buffer, followed by `after`; the cursor's result, or nil if it
    /// declined.
    func read<T>(_ value: [UInt8], then after: [UInt8],
                 _ body: (inout CaseReaderCursor) throws(CaseReaderUnsupported) -> T) -> (T, Int)? {
        (value + after).withUnsafeBufferPointer { b in
            var c = CaseReaderCursor(b)
            guard let got = try? body(&c) else { return nil }
            return (got, c.i)
        }
    }

    @Test("a string ends at its quote, and is declined for a backslash, control or invalid byte at any place")
    func stringsEndAtTheirQuote() {
        for length in 0..<40 {
            let text = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            let quoted = [UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")]
            // What follows the string (invalid UTF-8, quotes, control bytes) is not part of it.
            let (s, end) = read(quoted, then: [0xFF, 0x22, 0x01, 0x5C] + Array(repeating: 0xFF, count: 20)) { c throws(CaseReaderUnsupported) in try c.string() }!
            #expect(Array(s.utf8) == text)
            #expect(end == quoted.count)
            // Ending at the buffer's end, or just before it: the last bytes are read one by one.
            for after: [UInt8] in [[], [0x22], Array(repeating: 0x20, count: 20)] {
                let (s, end) = read(quoted, then: after) { c throws(CaseReaderUnsupported) in try c.string() }!
                #expect(Array(s.utf8) == text && end == quoted.count)
                for at in 0..<length {
                    for odd: [UInt8] in [[0x5C, 0x6E], [0x01], [0x1F], [0xFF], [0xC3]] {
                        var bad = text
                        bad.replaceSubrange(at..<(at + 1), with: odd)
                        let got = read([0x22] + bad + [0x22], then: after) { c throws(CaseReaderUnsupported) in try c.string() }
                        #expect(got == nil, "\(odd) at \(at) of \(length), \(after.count) bytes after")
                    }
                    // Korean (valid UTF-8, not ASCII) at each place reads as it is: as three bytes that
                    // are one character (a String wrongly taken for ASCII would count three).
                    var korean = text
                    korean.replaceSubrange(at..<(at + 1), with: Array("라".utf8))
                    let got = read([0x22] + korean + [0x22], then: after) { c throws(CaseReaderUnsupported) in try c.string() }
                    #expect(got.map { Array($0.0.utf8) } == korean)
                    #expect(got?.0.count == length && got?.0.unicodeScalars.count == length)
                }
            }
        }
    }

    @Test("a 64-digit hash packs as PackedHash packs it, with or without 0x; anything else is left to PackedHash")
    func hashesPackAsPackedHashDoes() {
        var rng = SyntheticCase.Random(state: 6)   // seeded, so a failure replays
        let hex = Array("0123456789abcdef".utf8)
        for _ in 0..<300 {
            let digits = (0..<64).map { _ in hex.randomElement(using: &rng)! }
            var texts = [digits, Array("0x".utf8) + digits, Array("0x".utf8) + digits.prefix(62), Array("0X".utf8) + digits]
            // One byte that is no lowercase hex digit, at each place.
            let at = Int.random(in: 0..<64, using: &rng)
            for odd in Array("gAF:/@`G x".utf8) {
                var bad = digits
                bad[at] = odd
                texts.append(bad)
                texts.append(Array("0x".utf8) + bad)
            }
            for text in texts {
                let fast = text.withUnsafeBufferPointer { CaseReaderCursor.hash64($0.baseAddress!, $0.count) }
                let expected = text.withUnsafeBufferPointer { PackedHash.packed(utf8: $0) }
                if let fast { #expect(fast == expected, "\(String(decoding: text, as: UTF8.self))") }
                // The fast path takes every 64-digit hash PackedHash packs.
                if expected != nil, text.count - (text.starts(with: Array("0x".utf8)) ? 2 : 0) == 64 { #expect(fast != nil) }
                let (read, _) = self.read([0x22] + text + [0x22], then: [0x2C]) { c throws(CaseReaderUnsupported) in try c.hash() }!
                #expect(read.string == String(decoding: text, as: UTF8.self))
            }
        }
    }

    @Test("decimals followed by digits in the buffer end at their quote, read as ExactDecimal parses them")
    func decimalsEndAtTheirQuote() {
        var rng = SyntheticCase.Random(state: 38)
        var texts = ["1493.000000000000133276", "208.000000000000091555", "12345678", "1234567.8", "12345678.12345678",
                     "0.00000001", String(repeating: "9", count: 38), String(repeating: "9", count: 37) + ".9", "1.2.3", "12a45678",
                     "-208.000000000000091555", "-0.5", "-12345678", "--1", "-"]
        for _ in 0..<3000 {
            let whole = String((0..<Int.random(in: 0...24, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
            let fraction = String((0..<Int.random(in: 0...24, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! })
            let sign = Int.random(in: 0..<4, using: &rng) == 0 ? "-" : ""
            texts.append(sign + (Bool.random(using: &rng) ? whole : whole + "." + fraction))
        }
        for text in texts {
            // Digits right after the closing quote (a word read across it must stop there), or
            // the buffer's end (the last digits are read one by one).
            for after in [Array("12345678901234567890".utf8), []] {
                let got = read(Array("\"\(text)\"".utf8), then: after) { c throws(CaseReaderUnsupported) in
                    try CaseReaderFields.decimal(&c)
                }
                let expected = ExactDecimal(text)
                #expect(got?.0 == expected, "\(text)")
                #expect(got?.0.description == expected?.description, "\(text)")
                if got != nil { #expect(got?.1 == text.utf8.count + 2) }
            }
        }
    }
}
