import CasebookModel

// A decimal written as its description writes it (`-1234.50`), in quotes, straight into the
// writer's buffer. Digits are made least significant first into a stack buffer, padded with
// zeros to one more than the scale (0.05 at scale 2 is "005" -> "0.05"), then copied out most
// significant first with the point before the last `scale` digits. A magnitude that fits a
// UInt64 (nearly every amount) takes the fast path; larger ones go 19 digits at a time.

extension CaseWriterBytes {
    mutating func decimal(_ name: StaticString, _ d: ExactDecimal) {
        key(name)
        // A quote, a sign, at most 39 digits of an Int128 or 39 for a scale of 38, a point, a quote.
        reserve(48)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { digits in
            var n = 0
            let magnitude = d.units.magnitude
            if magnitude <= UInt64.max {
                var m = UInt64(magnitude)
                repeat {
                    digits[n] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                    n += 1
                    m /= 10
                } while m > 0
            } else {
                var m = magnitude
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
            }
            while n <= d.scale { digits[n] = 0x30; n += 1 }
            let out = base + count
            var at = 0
            out[at] = UInt8(ascii: "\""); at += 1
            if d.units < 0 { out[at] = UInt8(ascii: "-"); at += 1 }
            var k = n - 1
            while k >= 0 {
                if k == d.scale - 1 { out[at] = UInt8(ascii: "."); at += 1 }
                out[at] = digits[k]
                at += 1
                k -= 1
            }
            out[at] = UInt8(ascii: "\""); at += 1
            advance(by: at)
        }
    }
}
