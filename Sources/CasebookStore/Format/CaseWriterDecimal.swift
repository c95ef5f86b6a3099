import CasebookModel

// A decimal written as its description writes it (`-1234.50`), in quotes, straight into the
// writer's buffer. The digits are made least significant first, two at a time from a table of
// the pairs "00" to "99", into a stack buffer, padded with zeros to one more than the scale
// (0.05 at scale 2 is "005" -> "0.05"), then copied out most significant first with the point
// before the last `scale` digits. A magnitude beyond UInt64 is first cut in two at 10^19 (one
// 128-bit division), each part a UInt64.

extension CaseWriterBytes {
    /// "00" "01" ... "99": a StaticString's bytes need no lazy global's check to read.
    private static let pairs: StaticString = """
        0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
        5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899
        """

    mutating func decimal(_ name: StaticString, _ d: ExactDecimal) {
        key(name)
        // Only arithmetic makes `overflow` (its scale is no digit count); written as described.
        if d.isOverflow { return text(d.description) }
        // A quote, a sign, at most 39 digits of an Int128 or 39 for a scale of 38, a point, a quote.
        reserve(48)
        // Digits, least significant first (48 bytes: 39 digits at most).
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            let buf = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let table = Self.pairs.utf8Start
            var n = 0
            /// The digits of `m`, or exactly `width` of them (zeros in front) when given.
            func put(_ m: UInt64, width: Int = 0) {
                var m = m
                let start = n
                while m >= 100 {
                    let r = Int(m % 100)
                    m /= 100
                    buf[n] = table[2 * r + 1]
                    buf[n + 1] = table[2 * r]
                    n += 2
                }
                if m >= 10 {
                    buf[n] = table[2 * Int(m) + 1]
                    buf[n + 1] = table[2 * Int(m)]
                    n += 2
                } else {
                    buf[n] = UInt8(truncatingIfNeeded: m) &+ 0x30
                    n += 1
                }
                while n - start < width { buf[n] = 0x30; n += 1 }
            }
            let magnitude = d.units.magnitude
            if magnitude <= UInt64.max {
                put(UInt64(magnitude))
            } else {
                let (q, r) = magnitude.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
                put(UInt64(r), width: 19)
                // An Int128's magnitude is at most 2^127, so the rest is below 1.8 * 10^19: a UInt64.
                put(UInt64(q))
            }
            while n <= d.scale { buf[n] = 0x30; n += 1 }
            let out = base + count
            var at = 0
            out[at] = UInt8(ascii: "\""); at += 1
            if d.units < 0 { out[at] = UInt8(ascii: "-"); at += 1 }
            var k = n - 1
            let point = d.scale - 1
            while k >= 0 {
                if k == point { out[at] = UInt8(ascii: "."); at += 1 }
                out[at] = buf[k]
                at += 1
                k -= 1
            }
            out[at] = UInt8(ascii: "\""); at += 1
            advance(by: at)
        }
    }
}
