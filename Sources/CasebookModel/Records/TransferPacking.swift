// A transfer's time and transaction hash, kept in place instead of as heap Strings.
//
// Why: a million transfers each had two Strings too long to live inline (a 20-byte time and a
// 66-byte hash), so two heap blocks per transfer, about 176 MB, and two allocations and frees
// when a case is read. Here the usual forms are packed into the record itself:
//
// - A canonical time, `YYYY-MM-DDTHH:MM:SSZ` (separators in place, fourteen ASCII digits), has
//   its digits packed four bits each, most significant first, and shifted left once. Two such
//   keys compare as their Strings do, since the Strings differ only in those digits, which is
//   what the ledger sorts by (`sortKey`). Any other time (a date alone, a fraction, an offset,
//   bad text) stays a String, and its sort key is 1: "compare the Strings".
// - A hash of 1-64 lowercase hex digits, with or without `0x`, has its digits packed four bits
//   each into four words, with the digit count and the prefix in one byte. Anything else stays
//   a String.
//
// Each text has exactly one form (packed when it can be, else a String), so the synthesized
// equality and hashing of `Transfer` agree with comparing the Strings, and the text read back
// is byte for byte the text given.

/// A transfer's time: packed when canonical, else the String as written.
@usableFromInline
package enum PackedTime: PackedText {
    case key(UInt64)
    case text(String)

    /// The sort key meaning "not canonical: compare the Strings".
    @usableFromInline package static let otherKey: UInt64 = 1

    package init(_ text: String) {
        var text = text
        self = text.withUTF8 { PackedTime.key(utf8: $0) }.map { .key($0) } ?? .text(text)
    }

    /// The packed key of canonical UTF-8 bytes, or nil. The twenty bytes are checked as three
    /// words (bytes 0-7, 8-15 and 12-19): each separator exactly, each digit as in
    /// `digitsFit`; then the fourteen digits' low nibbles are gathered, the first on top.
    @inline(__always)
    package static func key(utf8 b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard b.count == 20, let p = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(p)
        // Little-endian words (a no-op on the machines we build for): the first byte lowest.
        let w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let w2 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
        // "YYYY-MM-", "DDThh:mm", "h:mm:ssZ": separators' places and bytes, digits' places.
        guard w0 & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000, digitsFit(w0, 0x00FF_FF00_FFFF_FFFF),
              w1 & 0x0000_FF00_00FF_0000 == 0x0000_3A00_0054_0000, digitsFit(w1, 0xFFFF_00FF_FF00_FFFF),
              w2 & 0xFF00_00FF_0000_FF00 == 0x5A00_003A_0000_3A00, digitsFit(w2, 0x00FF_FF00_FFFF_00FF)
        else { return nil }
        @inline(__always) func d(_ i: Int, _ shift: UInt64) -> UInt64 { UInt64(p[i] & 0xF) << shift }
        let key = d(0, 52) | d(1, 48) | d(2, 44) | d(3, 40) | d(5, 36) | d(6, 32) | d(8, 28) | d(9, 24)
            | d(11, 20) | d(12, 16) | d(14, 12) | d(15, 8) | d(17, 4) | d(18, 0)
        return key << 1
    }

    /// Whether every byte of `w` under `mask` (0xFF per byte) is an ASCII digit: its high
    /// nibble is 3, and still 3 once 6 is added (which carries into the next byte only from a
    /// byte of 0xFA or more, itself no digit and no separator). The fast case reader's decimals
    /// use it too, eight digits at a time.
    @inlinable
    package static func digitsFit(_ w: UInt64, _ mask: UInt64) -> Bool {
        let highs: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        return ((w & highs) | (((w &+ 0x0606_0606_0606_0606) & highs) >> 4)) & mask == 0x3333_3333_3333_3333 & mask
    }

    /// Whether the time is a valid ISO 8601 date or time (CaseTime.isValid): a packed one is
    /// checked from its digits, without spelling it out.
    package var isValid: Bool {
        switch self {
        case .key(let k): CaseTime.isValid(packed: k)
        case .text(let s): CaseTime.isValid(s)
        }
    }

    /// Orders as the texts do when both keys are even; 1 means compare the texts.
    @inlinable package var sortKey: UInt64 {
        if case .key(let k) = self { return k }
        return Self.otherKey
    }

    package static var maxBytes: Int { 20 }
    package var text: String? { if case .text(let s) = self { s } else { nil } }

    /// Spells out a packed time in `out` (20 bytes), returning the count: the fourteen digits
    /// as two words of characters (PackedHash.spell: six, then eight), put around the
    /// separators.
    package func fill(_ out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard case .key(let k) = self, let p = out.baseAddress else { return 0 }
        precondition(out.count >= Self.maxBytes)
        let digits = k >> 1
        // Digits 0-5 (year, month), the first at the bottom; then digits 6-13.
        let a = PackedHash.spell(UInt32(truncatingIfNeeded: digits >> 32) << 8), b = PackedHash.spell(UInt32(truncatingIfNeeded: digits))
        @inline(__always) func d(_ w: UInt64, _ i: Int) -> UInt8 { UInt8(truncatingIfNeeded: w >> UInt64(8 * i)) }
        p[0] = d(a, 0); p[1] = d(a, 1); p[2] = d(a, 2); p[3] = d(a, 3); p[4] = 0x2D
        p[5] = d(a, 4); p[6] = d(a, 5); p[7] = 0x2D
        p[8] = d(b, 0); p[9] = d(b, 1); p[10] = 0x54
        p[11] = d(b, 2); p[12] = d(b, 3); p[13] = 0x3A
        p[14] = d(b, 4); p[15] = d(b, 5); p[16] = 0x3A
        p[17] = d(b, 6); p[18] = d(b, 7); p[19] = 0x5A
        return 20
    }
}

/// A transaction hash: packed when it is lowercase hex (optionally `0x`-prefixed), else a String.
@usableFromInline
package enum PackedHash: PackedText {
    /// Digits four bits each, the first in the top nibble of `a`; `form` is the digit count
    /// (1-64) plus 128 when the text starts `0x`.
    case hex(UInt64, UInt64, UInt64, UInt64, form: UInt8)
    case text(String)

    package init(_ text: String) {
        var text = text
        self = text.withUTF8 { PackedHash.packed(utf8: $0) } ?? .text(text)
    }

    /// The packed form of UTF-8 bytes, or nil when they are not lowercase hex.
    @inline(__always)
    package static func packed(utf8 b: UnsafeBufferPointer<UInt8>) -> PackedHash? {
        var start = 0
        if b.count > 2, b[0] == 0x30, b[1] == 0x78 { start = 2 }
        let n = b.count - start
        guard n >= 1, n <= 64, let base = b.baseAddress else { return nil }
        let p = base + start
        var ok: UInt8 = 1
        let w0 = word(p, min(n, 16), &ok)
        let w1 = n > 16 ? word(p + 16, min(n - 16, 16), &ok) : 0
        let w2 = n > 32 ? word(p + 32, min(n - 32, 16), &ok) : 0
        let w3 = n > 48 ? word(p + 48, n - 48, &ok) : 0
        guard ok == 1 else { return nil }
        return .hex(w0, w1, w2, w3, form: UInt8(n) | (start == 2 ? 128 : 0))
    }

    /// Up to sixteen digits as one word, the first in the top nibble. A full word (the usual
    /// case: a hash is 64 digits) is read as two runs of eight (`eight`); a shorter one digit by
    /// digit: a digit's value is its low nibble, plus 9 for a letter (bit 6 set), and `ok` is
    /// cleared by any byte that is neither `0-9` nor `a-f`.
    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>, _ n: Int, _ ok: inout UInt8) -> UInt64 {
        if n == 16 {
            let raw = UnsafeRawPointer(p)
            return UInt64(eight(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), &ok)) << 32
                | UInt64(eight(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), &ok))
        }
        var word: UInt64 = 0
        for k in 0..<n {
            let c = p[k]
            ok &= (c &- 0x30 <= 9 ? 1 : 0) | (c &- 0x61 <= 5 ? 1 : 0)
            word = word << 4 | UInt64((c & 0xF) &+ (c >> 6) &* 9)
        }
        return n == 0 ? 0 : word << UInt64((16 - n) * 4)
    }

    /// Eight digits read as one little-endian word (the first digit in the low byte) into 32
    /// bits, the first digit in the top nibble. Each byte is checked at once: for a byte below
    /// 0x80, adding 0x80 - k sets its top bit exactly when it is at least k, and carries into
    /// no other byte; so a byte is a digit when it is >= "0" and not >= ":", or a letter when
    /// >= "a" and not >= "g". Then the nibbles are gathered in three steps, pairs, quads, all.
    @inline(__always)
    static func eight(_ w: UInt64, _ ok: inout UInt8) -> UInt32 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones &* 0x80
        let ge = { (k: UInt64) in (w &+ ones &* (0x80 - k)) & highs }
        let hex = (ge(0x30) & ~ge(0x3A)) | (ge(0x61) & ~ge(0x67))
        ok &= (w & highs == 0 && hex == highs) ? 1 : 0
        let v = (w & (ones &* 0x0F)) &+ ((w >> 6) & ones) &* 9
        let pairs = ((v & 0x000F_000F_000F_000F) << 4) | ((v >> 8) & 0x000F_000F_000F_000F)
        let quads = ((pairs & 0x0000_00FF_0000_00FF) << 8) | ((pairs >> 16) & 0x0000_00FF_0000_00FF)
        return UInt32(truncatingIfNeeded: (quads & 0xFFFF) << 16 | (quads >> 32) & 0xFFFF)
    }

    package static var maxBytes: Int { 66 }
    package var text: String? { if case .text(let s) = self { s } else { nil } }

    /// Spells out a packed hash in `out` (up to 66 bytes), returning the count. Eight digits at
    /// a time (`spell`); the last word's digits past the count are written as zeros and not
    /// counted, so `out` must hold 66 bytes (both callers give it `maxBytes`).
    package func fill(_ out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard case .hex(let a, let b, let c, let d, let form) = self, let p = out.baseAddress else { return 0 }
        precondition(out.count >= Self.maxBytes)
        var k = 0
        if form & 128 != 0 { p[0] = 0x30; p[1] = 0x78; k = 2 }
        let n = Int(form & 127)
        let raw = UnsafeMutableRawPointer(p + k)
        @inline(__always) func put(_ j: Int, _ word: UInt64) {
            raw.storeBytes(of: Self.spell(UInt32(truncatingIfNeeded: word >> 32)).littleEndian, toByteOffset: 16 * j, as: UInt64.self)
            raw.storeBytes(of: Self.spell(UInt32(truncatingIfNeeded: word)).littleEndian, toByteOffset: 16 * j + 8, as: UInt64.self)
        }
        put(0, a)
        if n > 16 { put(1, b) }
        if n > 32 { put(2, c) }
        if n > 48 { put(3, d) }
        return k + n
    }

    /// Eight digits (the first in the top nibble) as eight lowercase hex ASCII bytes, the first
    /// in the low byte: the nibbles are spread one to a byte in three steps (halves, quarters,
    /// nibbles; the last digit lands in byte 0), byte-swapped, and each raised to its character
    /// ('0' + d, plus 0x27 more for a letter: d + 6 carries into bit 4 exactly when d >= 10).
    @inline(__always)
    static func spell(_ v: UInt32) -> UInt64 {
        var t = UInt64(v)
        t = (t | t << 16) & 0x0000_FFFF_0000_FFFF
        t = (t | t << 8) & 0x00FF_00FF_00FF_00FF
        t = (t | t << 4) & 0x0F0F_0F0F_0F0F_0F0F
        t = t.byteSwapped
        let letters = ((t &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        return t &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
    }
}

/// A text kept packed when it can be (`fill` spells it out), else as the String (`text`).
package protocol PackedText: Sendable, Hashable {
    /// The most bytes a packed text spells out to.
    static var maxBytes: Int { get }
    /// The String, when the text is not packed.
    var text: String? { get }
    /// Spells out a packed text in `out`, returning the count.
    func fill(_ out: UnsafeMutableBufferPointer<UInt8>) -> Int
}

extension PackedText {
    package var string: String {
        text ?? String(unsafeUninitializedCapacity: Self.maxBytes) { fill($0) }
    }

    /// Calls `body` with the text's UTF-8 bytes; a packed text is spelled out on the stack.
    @inline(__always)
    package func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if var s = text { return try s.withUTF8(body) }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxBytes) { out in
            try body(UnsafeBufferPointer(rebasing: out[..<fill(out)]))
        }
    }
}
