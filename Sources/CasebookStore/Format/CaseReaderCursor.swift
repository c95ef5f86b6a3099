#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasebookModel
import CCaseFile

// The fast reader's view of the file: a position over raw bytes and the few JSON tokens a case
// file is made of. It never reports errors itself: anything it does not expect (an escape in a
// key, a control character, a byte that is not JSON) throws `CaseReaderUnsupported`, and the
// caller either retries that one record through the reference parser or gives the whole file to
// the reference path, whose messages (line:column, field paths) are the ones users see.

/// The fast reader cannot take this input as it is; the reference path decides what it means.
struct CaseReaderUnsupported: Error {}

struct CaseReaderCursor {
    let base: UnsafePointer<UInt8>
    let end: Int
    var i: Int
    /// Whether short ASCII strings can be made straight from the bytes (CaseReaderSmallString).
    private let small = CaseReaderSmallString.available

    init(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int = 0) {
        // An empty buffer has no base address; a one-byte stand-in keeps `base` valid.
        base = buffer.baseAddress ?? CaseReaderCursor.empty
        end = buffer.count
        i = offset
    }

    nonisolated(unsafe) private static let empty: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()

    @inline(__always) var atEnd: Bool { i >= end }

    /// The byte at the position, or 0 at the end (0 is never valid JSON outside a string).
    @inline(__always) var peek: UInt8 { i < end ? base[i] : 0 }

    @inline(__always) mutating func skipSpace() {
        while i < end {
            switch base[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    @inline(__always) mutating func expect(_ byte: UInt8) throws(CaseReaderUnsupported) {
        guard i < end, base[i] == byte else { throw CaseReaderUnsupported() }
        i += 1
    }

    /// After a member or element: true for `,` (more follow), false for `close`.
    @inline(__always) mutating func more(_ close: UInt8) throws(CaseReaderUnsupported) -> Bool {
        skipSpace()
        guard i < end else { throw CaseReaderUnsupported() }
        let b = base[i]
        i += 1
        if b == UInt8(ascii: ",") { skipSpace(); return true }
        if b == close { return false }
        throw CaseReaderUnsupported()
    }

    /// Opens an object or array; false if it is empty (and consumes the closing bracket).
    @inline(__always) mutating func open(_ bracket: UInt8, _ close: UInt8) throws(CaseReaderUnsupported) -> Bool {
        try expect(bracket)
        skipSpace()
        if i < end, base[i] == close { i += 1; return false }
        return true
    }

    /// A key with no escapes, then the colon: the key's bytes, which stay valid with the buffer.
    @inline(__always) mutating func key() throws(CaseReaderUnsupported) -> UnsafeBufferPointer<UInt8> {
        let range = try plainString()
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        return bytes(range)
    }

    /// Consumes key `k` of `keys` and its colon if they are next, written `"name":`: the 16
    /// bytes at the position, masked to the key's length, are compared as two words.
    @inline(__always) mutating func at(_ keys: CaseReaderKeys, _ k: Int) -> Bool {
        let n = keys.quotedCount[k]
        guard n > 0, i + 16 <= end else { return false }
        let raw = UnsafeRawPointer(base + i), q = keys.quoted[k]
        guard UInt64(littleEndian: casefile_load64(raw)) & q.masks.0 == q.words.0,
              UInt64(littleEndian: casefile_load64(raw + 8)) & q.masks.1 == q.words.1 else { return false }
        i += n
        skipSpace()
        return true
    }

    /// Consumes `null` if it is next (FieldReader treats a null field as an absent one).
    @inline(__always) mutating func null() -> Bool {
        guard i + 4 <= end, base[i] == UInt8(ascii: "n"), base[i + 1] == UInt8(ascii: "u"),
              base[i + 2] == UInt8(ascii: "l"), base[i + 3] == UInt8(ascii: "l") else { return false }
        i += 4
        return true
    }

    /// A string's content range when it has no escapes and no control characters; sets `ascii`.
    /// Most of a case file is strings, so they are scanned sixteen bytes at a time
    /// (`casefile_plain_run`, SSE2 in C); the last few bytes of the buffer one by one.
    @inline(__always) mutating func plainString(ascii: inout Bool) throws(CaseReaderUnsupported) -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = i
        var high: UInt32 = 0
        i += casefile_plain_run(base + i, end - i, &high)
        var tail: UInt8 = 0
        while i < end {
            let b = base[i]
            if b == 0x22 { break }
            if b == 0x5C || b < 0x20 { throw CaseReaderUnsupported() }
            tail |= b
            i += 1
        }
        guard i < end else { throw CaseReaderUnsupported() }
        i += 1
        ascii = high == 0 && tail < 0x80
        return start..<(i - 1)
    }

    /// The bytes of `r`, a range of the buffer (its width taken directly: `Range.count` was left
    /// a call in the reader's biggest function).
    @inline(__always) func bytes(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + r.lowerBound, count: r.upperBound - r.lowerBound)
    }

    @inline(__always) mutating func plainString() throws(CaseReaderUnsupported) -> Range<Int> {
        var ascii = true
        return try plainString(ascii: &ascii)
    }

    /// A string value as a Swift String: ASCII is taken as it is, other text is validated as
    /// UTF-8 the way JSONParser does. Strings with escapes are left to the reference parser.
    @inline(__always) mutating func string() throws(CaseReaderUnsupported) -> String {
        var ascii = true
        let r = try plainString(ascii: &ascii)
        return try text(bytes(r), ascii: ascii)
    }

    /// A transfer's time, packed straight from the bytes when canonical (TransferPacking.swift).
    @inline(__always) mutating func time() throws(CaseReaderUnsupported) -> PackedTime {
        var ascii = true
        let r = try plainString(ascii: &ascii)
        let run = bytes(r)
        if ascii, let key = PackedTime.key(utf8: run) { return .key(key) }
        return .text(try text(run, ascii: ascii))
    }

    /// A transaction hash, packed straight from the bytes when it is lowercase hex.
    @inline(__always) mutating func hash() throws(CaseReaderUnsupported) -> PackedHash {
        var ascii = true
        let r = try plainString(ascii: &ascii)
        let run = bytes(r)
        if ascii, let fast = Self.hash64(base + r.lowerBound, run.count) { return fast }
        if ascii, let packed = PackedHash.packed(utf8: run) { return packed }
        return .text(try text(run, ascii: ascii))
    }

    /// The usual hash, 64 lowercase hex digits with or without `0x`, packed sixteen digits at a
    /// time (`casefile_hex16`); nil for anything else, which PackedHash.packed then decides.
    /// The same packing as PackedHash.packed's (a test compares them).
    @inline(__always) static func hash64(_ p: UnsafePointer<UInt8>, _ n: Int) -> PackedHash? {
        let prefixed = n == 66 && p[0] == 0x30 && p[1] == 0x78
        // 64 bytes that begin "0x" are a prefix and 62 digits to PackedHash.packed.
        guard prefixed || (n == 64 && !(p[0] == 0x30 && p[1] == 0x78)) else { return nil }
        let d = prefixed ? p + 2 : p
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        guard casefile_hex16(d, &w0) != 0, casefile_hex16(d + 16, &w1) != 0,
              casefile_hex16(d + 32, &w2) != 0, casefile_hex16(d + 48, &w3) != 0 else { return nil }
        return .hex(w0, w1, w2, w3, form: 64 | (prefixed ? 128 : 0))
    }

    @inline(__always) func text(_ run: UnsafeBufferPointer<UInt8>, ascii: Bool) throws(CaseReaderUnsupported) -> String {
        if ascii { return short(run) ?? String(decoding: run, as: UTF8.self) }
        guard let s = String(validating: run, as: UTF8.self) else { throw CaseReaderUnsupported() }
        return s
    }

    /// An ASCII run of at most 15 bytes as a small String, when 16 bytes can be read from it.
    @inline(__always) func short(_ run: UnsafeBufferPointer<UInt8>) -> String? {
        guard small, run.count <= 15, let p = run.baseAddress, p + 16 <= base + end else { return nil }
        return CaseReaderSmallString.make(p, run.count)
    }

    /// A string that many records repeat (an address, an asset, an author): one shared copy.
    @inline(__always) mutating func string(_ interner: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> String {
        var ascii = true
        let r = try plainString(ascii: &ascii)
        let run = bytes(r)
        // Up to 15 UTF-8 bytes a String is stored inline, so sharing saves nothing.
        if ascii && run.count <= 15 { return short(run) ?? String(decoding: run, as: UTF8.self) }
        guard let s = interner.string(run, ascii: ascii) else { throw CaseReaderUnsupported() }
        return s
    }

    /// A string that must be one of `choices` (an enum's raw values): its index there.
    @inline(__always) mutating func choice(_ choices: CaseReaderKeys) throws(CaseReaderUnsupported) -> Int {
        let r = try plainString()
        guard let k = choices.index(bytes(r), after: -1) else {
            throw CaseReaderUnsupported()
        }
        return k
    }

    /// A whole number written as `-?digits`, read as FieldReader's `Int(text)` would.
    mutating func int() throws(CaseReaderUnsupported) -> Int {
        let start = i
        if peek == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < end, base[i] >= 0x30, base[i] <= 0x39 { i += 1 }
        let n = i - digitsStart
        // A leading zero, a fraction or an exponent: the reference path says what it means.
        guard n > 0, n <= 18, n == 1 || base[digitsStart] != 0x30 else { throw CaseReaderUnsupported() }
        let after = peek
        guard after != UInt8(ascii: "."), after != UInt8(ascii: "e"), after != UInt8(ascii: "E") else { throw CaseReaderUnsupported() }
        var v = 0
        for k in digitsStart..<i { v = v * 10 + Int(base[k] - 0x30) }
        return base[start] == UInt8(ascii: "-") ? -v : v
    }

    /// Skips one JSON value (strings with escapes, nesting), checking only enough to find its
    /// end; the caller hands the bytes to JSONParser, which checks everything.
    mutating func skipValue() throws(CaseReaderUnsupported) {
        var depth = 0
        repeat {
            guard i < end else { throw CaseReaderUnsupported() }
            let b = base[i]
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                guard depth >= 0 else { throw CaseReaderUnsupported() }
                i += 1
            case UInt8(ascii: "\""):
                i += 1
                // Sixteen bytes at a time up to the first quote, backslash or control character
                // (wallets' attribution lists are skipped over to be looked up by text).
                var high: UInt32 = 0
                i += casefile_plain_run(base + i, end - i, &high)
                while i < end, base[i] != 0x22 { i += base[i] == 0x5C ? 2 : 1 }
                guard i < end else { throw CaseReaderUnsupported() }
                i += 1
            default:
                guard depth > 0 || b != UInt8(ascii: ",") else { throw CaseReaderUnsupported() }
                i += 1
                // A bare value at the top (number, literal) ends before ',', ']', '}' or space.
                if depth == 0 {
                    while i < end {
                        let c = base[i]
                        if c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}")
                            || c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { break }
                        i += 1
                    }
                }
            }
        } while depth > 0
    }

    /// The bytes from `start` to the position, for JSONParser.
    func bytes(from start: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base + start, count: i - start))
    }

    /// Whether the bytes of `run` are exactly `literal`.
    @inline(__always) static func equal(_ run: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        run.count == literal.utf8CodeUnitCount && memcmp(run.baseAddress!, literal.utf8Start, run.count) == 0
    }
}
