// A transfer's time as one integer that sorts as the String does, so ordering a million rows
// compares integers instead of Strings.
//
// A canonical time, `YYYY-MM-DDTHH:MM:SSZ` (20 ASCII bytes, separators in place), has its
// fourteen digits packed four bits each, most significant first, and shifted left once: two such
// keys compare as their Strings do, because the Strings differ only in those digits. Anything else
// (fractions, offsets, a date alone, bad text) gets the key 1, whose low bit tells the caller to
// compare the Strings themselves.

enum TimeKey {
    /// The key meaning "not canonical: compare the Strings".
    static let other: UInt64 = 1

    static func of(_ time: String) -> UInt64 {
        var time = time
        return time.withUTF8 { b -> UInt64 in
            guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A
            else { return other }
            var key: UInt64 = 0
            for i in 0..<19 where i != 4 && i != 7 && i != 10 && i != 13 && i != 16 {
                let d = b[i] &- 0x30
                if d > 9 { return other }
                key = key << 4 | UInt64(d)
            }
            return key << 1
        }
    }
}
