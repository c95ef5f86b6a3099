import CasebookModel

// The canonical writer's output buffer: bytes appended the way JSONWriter writes text, without
// building a JSONValue or a String per field. Strings that need no escape (nearly all of them)
// are copied in one go; the rest go through JSONWriter.writeString, so escapes stay identical.
//
// The bytes live in raw memory the buffer grows itself (a million transfers append tens of
// millions of short pieces: Array's uniqueness and capacity checks and a memmove call per piece
// were a third of the encoding). Copies of a CaseWriterBytes share that memory, so the writer
// never copies one: each is used in place (`inout`) by one thread at a time.

struct CaseWriterBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var owner: Storage
    /// Whether small Strings can be read from their words (CaseReaderSmallString.available,
    /// asked once here rather than for every string written).
    private let small = CaseReaderSmallString.available
    /// The last two long Strings written that needed no escape, by their words (`longText`);
    /// the Strings are kept too, so their storage cannot be freed and reused while here.
    private var recent: [(words: (UInt64, UInt64), text: String?)] = [((0, 0), nil), ((0, 0), nil)]

    /// Frees the memory once the last copy has gone.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }
        deinit { base.deallocate() }
    }

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
        owner = Storage(base)
    }

    /// The bytes so far, as an array (a copy).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    mutating func removeAll() { count = 0 }

    /// Counts `n` bytes written straight to `base + count` (after `reserve`).
    @inline(__always) mutating func advance(by n: Int) { count += n }

    /// Room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        capacity = max(needed, capacity * 2)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        fresh.update(from: base, count: count)
        base = fresh
        owner = Storage(fresh)
    }

    /// Gives the bytes to `sink`.
    func feed<E: Error>(_ sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        try sink(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Gives an array's bytes to `sink` (Array's withUnsafeBytes has no typed throws).
    static func feed<E: Error>(_ bytes: [UInt8], _ sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        var failure: E?
        bytes.withUnsafeBytes { raw in
            do throws(E) { try sink(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends `n` bytes from `p`: short pieces (most field values) eight bytes at a time and
    /// then one by one, without a call.
    @inline(__always) mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        let to = base + count
        if n <= 32 {
            var k = 0
            while k + 8 <= n {
                UnsafeMutableRawPointer(to + k).storeBytes(of: UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self), as: UInt64.self)
                k += 8
            }
            while k < n { to[k] = p[k]; k += 1 }
        } else {
            to.update(from: p, count: n)
        }
        count += n
    }

    @inline(__always) mutating func raw(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    mutating func append<S: Sequence>(contentsOf s: S) where S.Element == UInt8 {
        for b in s { byte(b) }
    }

    /// `,"key":` (or `"key":` for the first member): its punctuation written without a check
    /// for room each (a million transfers write fourteen million keys).
    @inline(__always) mutating func key(_ text: StaticString, first: Bool = false) {
        let n = text.utf8CodeUnitCount
        reserve(n + 4)
        var at = count
        if !first { base[at] = UInt8(ascii: ","); at += 1 }
        base[at] = UInt8(ascii: "\"")
        count = at + 1
        append(text.utf8Start, n)
        base[count] = UInt8(ascii: "\"")
        base[count + 1] = UInt8(ascii: ":")
        count += 2
    }

    /// Whether a byte may need an escape: controls, `"`, `\\`, DEL, and the lead bytes of C1
    /// controls (0xC2) and of the line and paragraph separators (0xE2). Compared inline rather
    /// than looked up in a table: a global table cost an access check per string written.
    @inline(__always) private static func suspect(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2
    }

    /// Whether none of `n` bytes at `p` is suspect. Eight at a time: a word with no high bit
    /// set is ASCII, and is suspect only if a byte is below 0x20 or equal to 0x22, 0x5C or 0x7F,
    /// which the usual word tricks find exactly (whether such a byte exists, not which); words
    /// with non-ASCII bytes and the tail are checked byte by byte.
    @inline(__always) private static func isPlain(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            if w & 0x8080_8080_8080_8080 != 0 {
                for k in i..<i + 8 where suspect(p[k]) { return false }
            } else if needsEscape(asciiWord: w) {
                return false
            }
            i += 8
        }
        while i < n {
            if suspect(p[i]) { return false }
            i += 1
        }
        return true
    }

    /// Whether a word of eight ASCII bytes holds one that needs an escape: below 0x20, or `"`,
    /// `\\` or DEL (the usual "has a zero byte" test on the word xor each, and "has a byte
    /// below" for the controls: whether such a byte exists, not which).
    @inline(__always) private static func needsEscape(asciiWord w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return (w &- ones &* 0x20) & ~w & highs != 0 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
            || hasZero(w ^ (ones &* 0x7F))
    }

    /// Whether the first `n` (at most 15) bytes of two words of ASCII (`lo` first) need no
    /// escape (the bytes past `n` are made a letter first).
    @inline(__always) private static func isPlain(_ lo: UInt64, _ hi: UInt64, _ n: Int) -> Bool {
        let keep = CaseReaderSmallString.lowBytes, letters: UInt64 = 0x6161_6161_6161_6161
        return !needsEscape(asciiWord: lo & keep(n) | letters & ~keep(n))
            && !needsEscape(asciiWord: hi & keep(n - 8) | letters & ~keep(n - 8))
    }

    mutating func text(_ s: String) {
        // Most strings of a big case are ids and names of up to 15 ASCII bytes, which Swift
        // keeps in the String's own two words: those are written from the words.
        if small, let (lo, hi, n) = CaseReaderSmallString.words(s, checked: false), Self.isPlain(lo, hi, n) {
            reserve(18)
            base[count] = UInt8(ascii: "\"")
            let raw = UnsafeMutableRawPointer(base + count + 1)
            raw.storeBytes(of: lo.littleEndian, as: UInt64.self)
            raw.storeBytes(of: hi.littleEndian, toByteOffset: 8, as: UInt64.self)
            base[count + 1 + n] = UInt8(ascii: "\"")
            count += n + 2
            return
        }
        longText(s)
    }

    /// Any other String: its bytes copied when they need no escape, else JSONWriter's text.
    /// Records share their long Strings (the reader interns them: every record's `created`, say),
    /// so the last two found to need no escape are kept: one that is the same String (the same
    /// storage: its two words are equal) is copied without being checked again.
    @inline(never) private mutating func longText(_ s: String) {
        if small {
            let words = CaseReaderSmallString.rawWords(s)
            for k in 0..<2 where recent[k].words == words {
                guard var text = recent[k].text else { continue }
                text.withUTF8 { quotedPlain($0) }
                return
            }
        }
        let plain = s.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            let n = utf8.count
            if let p = utf8.baseAddress, !Self.isPlain(p, n) { return false }
            quotedPlain(utf8)
            return true
        }
        if plain == true {
            if small {
                recent[1] = recent[0]
                recent[0] = (CaseReaderSmallString.rawWords(s), s)
            }
            return
        }
        var out = ""
        JSONWriter.writeString(s, into: &out)
        append(contentsOf: out.utf8)
    }

    /// `"bytes"` for bytes that need no escape.
    @inline(__always) private mutating func quotedPlain(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        reserve(n + 2)
        base[count] = UInt8(ascii: "\"")
        count += 1
        if let p = utf8.baseAddress { append(p, n) }
        base[count] = UInt8(ascii: "\"")
        count += 1
    }

    @inline(__always) mutating func field(_ name: StaticString, _ s: String) {
        key(name)
        text(s)
    }

    @inline(__always) mutating func field(_ name: StaticString, _ s: String?) {
        if let s { field(name, s) }
    }

    /// A transfer's time: a packed one is digits and separators, so it is spelled out in place
    /// unchecked.
    @inline(__always) mutating func field(_ name: StaticString, _ t: PackedTime) {
        key(name)
        if case .text(let s) = t { return text(s) }
        spelled(t)
    }

    /// A transaction hash: a packed one is hex digits, so it is spelled out in place unchecked.
    @inline(__always) mutating func field(_ name: StaticString, _ h: PackedHash?) {
        guard let h else { return }
        key(name)
        if case .text(let s) = h { return text(s) }
        spelled(h)
    }

    /// A packed text spelled out in quotes straight into the buffer.
    @inline(__always) private mutating func spelled<T: PackedText>(_ t: T) {
        reserve(T.maxBytes + 2)
        base[count] = UInt8(ascii: "\"")
        let n = t.fill(UnsafeMutableBufferPointer(start: base + count + 1, count: T.maxBytes))
        base[count + 1 + n] = UInt8(ascii: "\"")
        count += n + 2
    }

    /// `,"name":[item,item]`, each item written by `write`; nothing for an empty list (the
    /// canonical form leaves empty lists out).
    @inline(__always) mutating func list<T>(_ name: StaticString, _ items: [T], _ write: (inout CaseWriterBytes, T) -> Void) {
        guard !items.isEmpty else { return }
        key(name)
        byte(UInt8(ascii: "["))
        for (k, item) in items.enumerated() {
            if k > 0 { byte(UInt8(ascii: ",")) }
            write(&self, item)
        }
        byte(UInt8(ascii: "]"))
    }

    mutating func json(_ value: JSONValue) {
        var out = ""
        JSONWriter.write(value, into: &out)
        var utf8 = Array(out.utf8)
        utf8.withUnsafeMutableBufferPointer { if let p = $0.baseAddress { append(p, $0.count) } }
    }
}
