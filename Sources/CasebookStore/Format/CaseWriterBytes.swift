import CasebookModel

// The canonical writer's output buffer: bytes appended the way JSONWriter writes text, without
// building a JSONValue or a String per field. Strings that need no escape (nearly all of them)
// are copied in one go; the rest go through JSONWriter.writeString, so escapes stay identical.

struct CaseWriterBytes {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// `,"key":` (or `"key":` for the first member).
    @inline(__always) mutating func key(_ text: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(text)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Bytes that may need an escape: controls, `"`, `\\`, DEL, and the lead bytes of C1
    /// controls (0xC2) and of the line and paragraph separators (0xE2).
    private static let suspect: [Bool] = (0...255).map { b in
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2
    }

    mutating func text(_ s: String) {
        var s = s
        let plain = Self.suspect.withUnsafeBufferPointer { suspect in
            s.withUTF8 { utf8 -> Bool in
                for b in utf8 where suspect[Int(b)] { return false }
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
                return true
            }
        }
        if plain { return }
        var out = ""
        JSONWriter.writeString(s, into: &out)
        bytes.append(contentsOf: out.utf8)
    }

    @inline(__always) mutating func field(_ name: StaticString, _ s: String) {
        key(name)
        text(s)
    }

    @inline(__always) mutating func field(_ name: StaticString, _ s: String?) {
        if let s { field(name, s) }
    }

    /// A decimal as its description writes it (`-1234.50`), in quotes.
    mutating func decimal(_ name: StaticString, _ d: ExactDecimal) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        if d.units < 0 { bytes.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { digits in
            // Digits of the magnitude, least significant first, in chunks of 19 that fit a UInt64.
            var n = 0
            var m = d.units.magnitude
            repeat {
                let (q, r) = m.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
                var chunk = UInt64(r)
                for _ in 0..<19 {
                    digits[n] = UInt8(truncatingIfNeeded: chunk % 10) &+ 0x30
                    n += 1
                    chunk /= 10
                    if q == 0 && chunk == 0 { break }
                }
                m = q
            } while m > 0
            while n <= d.scale { digits[n] = 0x30; n += 1 }
            for k in stride(from: n - 1, through: 0, by: -1) {
                if k == d.scale - 1 { bytes.append(UInt8(ascii: ".")) }
                bytes.append(digits[k])
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func json(_ value: JSONValue) {
        var out = ""
        JSONWriter.write(value, into: &out)
        bytes.append(contentsOf: out.utf8)
    }
}
