// The leading bytes of a text as one integer, to order texts without comparing Strings.
//
// Swift orders Strings by their NFC scalars. An ASCII character followed by another ASCII
// character (or by the end) is the same scalar in NFC, so the leading ASCII bytes of a text,
// less the last one when a non-ASCII byte follows (a combining mark could join it), sort as the
// text does. Two keys decide the order when their first min(length) bytes differ; otherwise the
// caller compares the texts in full. Wallet names such as "ETH 0xc23ede…5994be" are decided by
// their first 11 bytes, so a sort of a million rows seldom reaches a String comparison.
// The same rule decides two whole texts at their first differing byte (`less`): when both bytes
// there are ASCII and each is followed by ASCII or the end, they order the texts; only the rest
// (a difference at or just before a non-ASCII character) is left to String comparison.

struct PrefixKey: Sendable {
    /// Up to 16 bytes, big-endian, zero-padded.
    var bytes: UInt128 {
        get { UInt128(high) << 64 | UInt128(low) }
        set { (high, low) = (UInt64(truncatingIfNeeded: newValue >> 64), UInt64(truncatingIfNeeded: newValue)) }
    }
    // Two halves rather than one UInt128, so a key is 8- rather than 16-byte aligned and a sort
    // item holding one and an Int32 takes 24 bytes rather than 32.
    private var high: UInt64 = 0, low: UInt64 = 0
    /// How many leading bytes are decisive.
    var length: UInt8 = 0

    init() {}

    init(_ b: UnsafeBufferPointer<UInt8>) {
        var ascii = 0
        while ascii < min(b.count, 17) && b[ascii] < 0x80 { ascii += 1 }
        let decisive = ascii == b.count ? min(ascii, 16) : ascii >= 17 ? 16 : max(0, ascii - 1)
        var key: UInt128 = 0
        for i in 0..<decisive { key = key << 8 | UInt128(b[i]) }
        bytes = decisive == 0 ? 0 : key << UInt128(8 * (16 - decisive))
        length = UInt8(decisive)
    }

    init(_ s: String) {
        var s = s
        self = s.withUTF8 { PrefixKey($0) }
    }

    /// `a < b` when the keys decide it, else nil.
    static func decide(_ a: PrefixKey, _ b: PrefixKey) -> Bool? {
        let m = min(a.length, b.length)
        guard m > 0 else { return nil }
        let mask: UInt128 = m >= 16 ? ~0 : ~(~UInt128(0) >> UInt128(8 * Int(m)))
        let x = a.bytes & mask, y = b.bytes & mask
        return x == y ? nil : x < y
    }

    /// `a < b` for two texts' UTF-8 when their first difference decides it (see the top of the file), else nil.
    static func decide(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let m = min(a.count, b.count)
        var i = 0
        while i < m && a[i] == b[i] { i += 1 }
        if i == m {
            if a.count == b.count { return false }   // the same bytes: the same text
            // One is the start of the other: shorter first, unless what follows could join it.
            let next = a.count > b.count ? a[m] : b[m]
            return next < 0x80 ? a.count < b.count : nil
        }
        func settled(_ t: UnsafeBufferPointer<UInt8>) -> Bool { t[i] < 0x80 && (i + 1 == t.count || t[i + 1] < 0x80) }
        return settled(a) && settled(b) ? a[i] < b[i] : nil
    }

    /// `x < y` as Strings order them, deciding from the bytes when they can.
    static func less(_ x: String, _ y: String) -> Bool {
        var x = x, y = y
        let decided = x.withUTF8 { a in y.withUTF8 { b in decide(a, b) } }
        return decided ?? (x < y)
    }
}
