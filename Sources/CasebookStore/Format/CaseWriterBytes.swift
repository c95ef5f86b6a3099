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

    /// Appends `n` bytes from `p`: short pieces (most field values) byte by byte, without a call.
    @inline(__always) mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        let to = base + count
        if n <= 32 {
            for k in 0..<n { to[k] = p[k] }
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

    /// `,"key":` (or `"key":` for the first member).
    @inline(__always) mutating func key(_ text: StaticString, first: Bool = false) {
        if !first { byte(UInt8(ascii: ",")) }
        byte(UInt8(ascii: "\""))
        raw(text)
        byte(UInt8(ascii: "\""))
        byte(UInt8(ascii: ":"))
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
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            if w & highs != 0 {
                for k in i..<i + 8 where suspect(p[k]) { return false }
            } else if (w &- ones &* 0x20) & ~w & highs != 0 || hasZero(w ^ (ones &* 0x22))
                        || hasZero(w ^ (ones &* 0x5C)) || hasZero(w ^ (ones &* 0x7F)) {
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

    mutating func text(_ s: String) {
        let plain = s.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            let n = utf8.count
            if let p = utf8.baseAddress, !Self.isPlain(p, n) { return false }
            reserve(n + 2)
            base[count] = UInt8(ascii: "\"")
            count += 1
            if let p = utf8.baseAddress { append(p, n) }
            base[count] = UInt8(ascii: "\"")
            count += 1
            return true
        }
        if plain == true { return }
        var out = ""
        JSONWriter.writeString(s, into: &out)
        append(contentsOf: out.utf8)
    }

    @inline(__always) mutating func field(_ name: StaticString, _ s: String) {
        key(name)
        text(s)
    }

    @inline(__always) mutating func field(_ name: StaticString, _ s: String?) {
        if let s { field(name, s) }
    }

    /// A transfer's time: a packed one is digits and separators, so it is written unchecked.
    @inline(__always) mutating func field(_ name: StaticString, _ t: PackedTime) {
        key(name)
        if case .text(let s) = t { return text(s) }
        t.withUTF8 { quoted($0) }
    }

    /// A transaction hash: a packed one is hex digits, so it is written unchecked.
    @inline(__always) mutating func field(_ name: StaticString, _ h: PackedHash?) {
        guard let h else { return }
        key(name)
        if case .text(let s) = h { return text(s) }
        h.withUTF8 { quoted($0) }
    }

    /// `"bytes"` for bytes known to need no escape.
    @inline(__always) private mutating func quoted(_ b: UnsafeBufferPointer<UInt8>) {
        reserve(b.count + 2)
        base[count] = UInt8(ascii: "\"")
        count += 1
        if let p = b.baseAddress { append(p, b.count) }
        base[count] = UInt8(ascii: "\"")
        count += 1
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
