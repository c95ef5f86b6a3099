import CasebookModel

// The search text of a million transfers formats two amounts per row; making each a String
// (ExactDecimal.formatted) was a third of the time. This writes the same characters straight
// into bytes: digits of the magnitude (64-bit division once it fits), the point `scale` digits
// from the right (zero-padded), commas every three whole digits, a leading minus.

extension ExactDecimal {
    /// The most bytes `writeFormatted` writes for a scale up to `scale`.
    static func formattedCapacity(scale: Int) -> Int { 2 * 39 + scale + 4 }

    /// Appends exactly `formatted(minScale:)`'s text, as ASCII bytes.
    func appendFormatted(minScale: Int = 0, to out: inout [UInt8]) {
        let capacity = Self.formattedCapacity(scale: max(scale, minScale))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buf in
            let n = writeFormatted(minScale: minScale, into: buf.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[..<n]))
        }
    }

    /// Writes exactly `formatted(minScale:)`'s text into `out` (room for
    /// `formattedCapacity(scale:)` bytes at the larger of the two scales); returns the count.
    func writeFormatted(minScale: Int = 0, into out: UnsafeMutablePointer<UInt8>) -> Int {
        if isOverflow {
            for (k, b) in description.utf8.enumerated() { out[k] = b }
            return description.utf8.count
        }
        let value = scale < minScale ? (rescaled(to: minScale) ?? self) : self
        let s = value.scale
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40 + s) { buf in
            // Digits, least significant first.
            var n = 0
            var m = value.units.magnitude
            // Nineteen digits per 128-bit division (a call, not an instruction): an ETH amount's
            // units pass UInt64 (eighteen decimals), and a search for digits writes out a million.
            while m > UInt128(UInt64.max) {
                let (q, r) = m.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
                var chunk = UInt64(r)
                for _ in 0..<19 {
                    buf[n] = UInt8(chunk % 10) + 48; n += 1
                    chunk /= 10
                }
                m = q
            }
            var small = UInt64(m)
            while small >= 100 {
                let pair = Int(small % 100)
                small /= 100
                buf[n] = UInt8(pair % 10) + 48
                buf[n + 1] = UInt8(pair / 10) + 48
                n += 2
            }
            repeat {
                buf[n] = UInt8(small % 10) + 48; n += 1
                small /= 10
            } while small > 0
            while n < s + 1 { buf[n] = 48; n += 1 }   // 0.05 has whole digit 0
            var w = 0
            if value.units < 0 { out[w] = 45; w += 1 }
            // A comma after every whole digit with a multiple of three still to come.
            var untilComma = (n - s - 1) % 3
            for i in stride(from: n - 1, through: s, by: -1) {
                out[w] = buf[i]; w += 1
                if untilComma == 0 {
                    if i > s { out[w] = 44; w += 1 }
                    untilComma = 3
                }
                untilComma -= 1
            }
            if s > 0 {
                out[w] = 46; w += 1
                for i in stride(from: s - 1, through: 0, by: -1) { out[w] = buf[i]; w += 1 }
            }
            return w
        }
    }
}
