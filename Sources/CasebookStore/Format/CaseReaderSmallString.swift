// Short ASCII Strings made straight from the file's bytes, for the ids and names that make up
// most of a big case's strings (`tx-100007`, `wal-24825`, `ETH`): about 190 instructions each
// through String(decoding:), which checks the bytes again and picks a form, against a dozen here.
//
// How it works: a Swift String of up to 15 UTF-8 bytes on a 64-bit platform is "small": its
// sixteen bytes hold the text itself, the first eight bytes in the first word, the rest in the
// second, whose top byte is a discriminator, 0xE0 (immortal, small, ASCII) plus the count. Such
// a String owns no memory, so two words with those bits are a String. That layout is part of
// Swift's ABI where it is stable (Apple's 64-bit platforms) and the same on 64-bit Linux; still,
// `available` checks it once against Strings made the ordinary way (equal, same bytes, same
// hash), and the reader falls back to String(decoding:) if it ever differs.

import CCaseFile

enum CaseReaderSmallString {
    /// Whether Strings made here are the Strings String(decoding:) makes.
    static let available: Bool = {
        #if _pointerBitWidth(_64) && _endian(little)
        for sample in ["", "a", "ETH", "tx-1000", "abcdefgh", "wal-24825", "act-exchange-5", "abcdefghijklmno"] {
            let bytes = Array(sample.utf8) + Array(repeating: UInt8(ascii: "\""), count: 16)
            let made = bytes.withUnsafeBufferPointer { b in make(b.baseAddress!, sample.utf8.count) }
            guard made == sample, Array(made.utf8) == Array(sample.utf8), made.utf8.count == sample.utf8.count,
                  made.hashValue == sample.hashValue, made + "!" == sample + "!" else { return false }
            // The writer reads such Strings' words back (`words`), and must see no other String as one.
            var copy = String(decoding: Array(sample.utf8), as: UTF8.self)
            copy.makeContiguousUTF8()
            guard let (lo, hi, n) = words(copy, checked: false), n == sample.utf8.count,
                  withUnsafeBytes(of: (lo.littleEndian, hi.littleEndian), { Array($0.prefix(n)) }) == Array(sample.utf8) else { return false }
        }
        for other in ["라", "é", String(repeating: "a", count: 16), String(repeating: "x", count: 40), "0x" + String(repeating: "f", count: 64)] {
            var copy = String(decoding: Array(other.utf8), as: UTF8.self)
            copy.makeContiguousUTF8()
            if words(copy, checked: false) != nil || words(other, checked: false) != nil { return false }
        }
        return true
        #else
        return false
        #endif
    }()

    /// A String's own sixteen bytes as two words: equal for two Strings only if they are the
    /// same String (the same text held inline, or the same storage).
    @inline(__always)
    static func rawWords(_ s: String) -> (UInt64, UInt64) {
        #if _pointerBitWidth(_64)
        return unsafeBitCast(s, to: (UInt64, UInt64).self)
        #else
        return (0, 0)
        #endif
    }

    /// A mask of the low `n` bytes of a word (none for n <= 0, all for n >= 8): with `words`,
    /// the first `n` bytes of a String's two words are `lo & lowBytes(n)`, `hi & lowBytes(n - 8)`.
    @inline(__always)
    static func lowBytes(_ n: Int) -> UInt64 { n <= 0 ? 0 : n >= 8 ? .max : (1 << UInt64(8 * n)) &- 1 }

    /// A String's bytes when it is a small ASCII String (at most 15 bytes, held in its own two
    /// words): the two words, the first byte lowest, and the count; nil for any other String.
    /// `checked: false` skips asking `available`: for its own test, and for callers that asked
    /// it once already (the writer keeps the answer).
    @inline(__always)
    static func words(_ s: String, checked: Bool = true) -> (UInt64, UInt64, Int)? {
        guard !checked || available else { return nil }
        #if _pointerBitWidth(_64) && _endian(little)
        let (lo, hi) = unsafeBitCast(s, to: (UInt64, UInt64).self)
        let top = hi >> 56
        guard top & 0xF0 == 0xE0 else { return nil }
        let n = Int(top & 0x0F)
        return (lo, hi & 0x00FF_FFFF_FFFF_FFFF, n)
        #else
        return nil
        #endif
    }

    /// The String of the `count` (at most 15) ASCII bytes at `p`, of which at least 16 may be
    /// read (the bytes after the text are masked off).
    @inline(__always)
    static func make(_ p: UnsafePointer<UInt8>, _ count: Int) -> String {
        let raw = UnsafeRawPointer(p)
        let first = UInt64(littleEndian: casefile_load64(raw)), second = UInt64(littleEndian: casefile_load64(raw + 8))
        let lo = count >= 8 ? first : first & ((1 << (8 * UInt64(count))) &- 1)
        let hi = count <= 8 ? 0 : second & ((1 << (8 * UInt64(count - 8))) &- 1)
        return unsafeBitCast((lo, hi | UInt64(0xE0 | count) << 56), to: String.self)
    }
}
