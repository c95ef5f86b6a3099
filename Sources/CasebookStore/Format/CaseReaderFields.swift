#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasebookModel
import CCaseFile

// The pieces records share, read straight from bytes with FieldReader's rules: keys in any
// order, each at most once, `null` the same as absent, no key it does not know. Whatever would
// be an error for FieldReader throws CaseReaderUnsupported here, so the reference path reports it.

/// The keys of one kind of object, matched against the file's bytes. Lookups start after the
/// last key found, so a file in canonical key order matches at the first or second try.
struct CaseReaderKeys: Sendable {
    let names: [[UInt8]]
    /// Each key as a canonical file writes it, `"name":`, as two little-endian words and the
    /// masks of its bytes in them (see CaseReaderCursor.at); `quotedCount` is 0 for a key too
    /// long for two words.
    let quoted: [(words: (UInt64, UInt64), masks: (UInt64, UInt64))]
    let quotedCount: [Int]

    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        var quoted: [(words: (UInt64, UInt64), masks: (UInt64, UInt64))] = [], counts: [Int] = []
        for name in self.names {
            let bytes = [UInt8(ascii: "\"")] + name + [UInt8(ascii: "\""), UInt8(ascii: ":")]
            var words: (UInt64, UInt64) = (0, 0), masks: (UInt64, UInt64) = (0, 0)
            for (k, b) in bytes.enumerated() where k < 16 {
                let shift = UInt64(8 * (k % 8))
                if k < 8 { words.0 |= UInt64(b) << shift; masks.0 |= 0xFF << shift } else { words.1 |= UInt64(b) << shift; masks.1 |= 0xFF << shift }
            }
            quoted.append((words, masks))
            counts.append(bytes.count <= 16 ? bytes.count : 0)
        }
        self.quoted = quoted
        quotedCount = counts
    }

    var count: Int { names.count }

    @inline(__always) func index(_ run: UnsafeBufferPointer<UInt8>, after last: Int) -> Int? {
        let n = names.count
        var k = last + 1 < n ? last + 1 : 0
        for _ in 0..<n {
            let same = names[k].withUnsafeBufferPointer { name in
                name.count == run.count && (run.isEmpty || memcmp(name.baseAddress!, run.baseAddress!, run.count) == 0)
            }
            if same { return k }
            k = k + 1 < n ? k + 1 : 0
        }
        return nil
    }

    static let meta = ["marking", "tags", "sources", "notes", "created", "modified"]
    static let transfer = CaseReaderKeys(["id", "time", "from", "to", "asset", "amount", "usd", "rateSource", "txHash",
                                          "incident", "kind", "basis"] + meta)
    static let transferOwn = 12
    static let wallet = CaseReaderKeys(["id", "chain", "address", "label", "attributions"] + meta)
    static let walletOwn = 5
    static let transferKinds = CaseReaderKeys(TransferKind.allCases.map(\.rawValue))
    static let transferBases = CaseReaderKeys(TransferBasis.allCases.map(\.rawValue))
    static let note = CaseReaderKeys(["id", "author", "time", "text"])
    static let citation = CaseReaderKeys(["source", "locator"])
    static let attribution = CaseReaderKeys(["actor", "confidence", "basis", "sources"])
}

/// What every record carries besides its own fields, as read so far. The marking and the
/// annotations are nil until read (most records have none): nothing to free for them, and the
/// record's meta is then made without looking at them.
struct CaseReaderMeta {
    var created: String?
    var modified: String?
    var marking: String?
    var tags: [String]?
    var notes: [Note]?
    var sources: [Citation]?

    /// Reads meta field `field` (an index into `CaseReaderKeys.meta`).
    @inline(__always)
    mutating func read(_ field: Int, _ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) {
        switch field {
        case 0: marking = try c.string(&names)
        case 1: tags = try CaseReaderFields.array(&c) { (c: inout CaseReaderCursor) throws(CaseReaderUnsupported) in try c.string(&names) }
        case 2: sources = try CaseReaderFields.array(&c) { (c: inout CaseReaderCursor) throws(CaseReaderUnsupported) in try CaseReaderFields.citation(&c, &names) }
        case 3: notes = try CaseReaderFields.array(&c) { (c: inout CaseReaderCursor) throws(CaseReaderUnsupported) in try CaseReaderFields.note(&c, &names) }
        case 4: created = try c.string(&names)
        default: modified = try c.string(&names)
        }
    }

    /// The record's meta; the fields are moved out, not copied (a copy retains each String).
    @inline(__always)
    mutating func make(id: consuming String) throws(CaseReaderUnsupported) -> RecordMeta {
        guard let created = created.take() else { throw CaseReaderUnsupported() }
        if marking == nil && tags == nil && notes == nil && sources == nil {
            return RecordMeta(unannotated: id, created: created, modified: modified.take())
        }
        return RecordMeta(id: id, created: created, modified: modified.take(), marking: marking.take(),
                          tags: tags.take() ?? [], notes: notes.take() ?? [], sources: sources.take() ?? [])
    }
}

enum CaseReaderFields {
    /// Reads an object's members: `body` gets each known key's index (a key seen twice, or one
    /// not in `keys`, throws); a null value is skipped, as FieldReader treats it as absent.
    @inline(__always)
    static func object(_ c: inout CaseReaderCursor, _ keys: CaseReaderKeys,
                       _ body: (Int, inout CaseReaderCursor) throws(CaseReaderUnsupported) -> Void) throws(CaseReaderUnsupported) {
        guard try c.open(UInt8(ascii: "{"), UInt8(ascii: "}")) else { return }
        var seen: UInt64 = 0
        var last = -1
        repeat {
            // The canonical writer writes the keys in this order, leaving out absent ones: the
            // key is one of those after the last, each tried as one compare of two words
            // against its spelling; anything else is read and looked up.
            var k = last + 1
            while k < keys.count && !c.at(keys, k) { k += 1 }
            if k == keys.count {
                guard let found = keys.index(try c.key(), after: last) else { throw CaseReaderUnsupported() }
                k = found
            }
            guard seen & (1 << UInt64(k)) == 0 else { throw CaseReaderUnsupported() }
            seen |= 1 << UInt64(k)
            last = k
            if !c.null() { try body(k, &c) }
        } while try c.more(UInt8(ascii: "}"))
    }

    /// An array, each element read by `element`; `null` reads as empty, as FieldReader's does.
    @inline(__always)
    static func array<T>(_ c: inout CaseReaderCursor,
                         _ element: (inout CaseReaderCursor) throws(CaseReaderUnsupported) -> T) throws(CaseReaderUnsupported) -> [T] {
        guard try c.open(UInt8(ascii: "["), UInt8(ascii: "]")) else { return [] }
        var out: [T] = []
        repeat { out.append(try element(&c)) } while try c.more(UInt8(ascii: "]"))
        return out
    }

    static func citation(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Citation {
        var source: String?, locator: String?
        try object(&c, CaseReaderKeys.citation) { (k, c) throws(CaseReaderUnsupported) in
            if k == 0 { source = try c.string(&names) } else { locator = try c.string() }
        }
        guard let source else { throw CaseReaderUnsupported() }
        return Citation(source: source, locator: locator)
    }

    static func note(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Note {
        var id: String?, author: String?, time: String?, text: String?
        try object(&c, CaseReaderKeys.note) { (k, c) throws(CaseReaderUnsupported) in
            switch k {
            case 0: id = try c.string()
            case 1: author = try c.string(&names)
            case 2: time = try c.string()
            default: text = try c.string()
            }
        }
        guard let id, let author, let time, let text else { throw CaseReaderUnsupported() }
        return Note(id: id, author: author, time: time, text: text)
    }

    static func attribution(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Attribution {
        var actor: String?, confidence: Int?, basis: String?, sources: [Citation] = []
        try object(&c, CaseReaderKeys.attribution) { (k, c) throws(CaseReaderUnsupported) in
            switch k {
            case 0: actor = try c.string(&names)
            case 1: confidence = try c.int()
            case 2: basis = try c.string(&names)
            default: sources = try array(&c) { (c: inout CaseReaderCursor) throws(CaseReaderUnsupported) in try citation(&c, &names) }
            }
        }
        guard let actor else { throw CaseReaderUnsupported() }
        // No confidence: the source stated none (RecordCoding reads it the same way).
        return Attribution(actor: actor, confidence: confidence ?? Attribution.unknownConfidence, basis: basis, sources: sources)
    }

    /// `digits[.digits]` in [from, to) with at most 38 digits, read as runs of up to eight
    /// digits (`digitRun`); nil for anything else, which `decimal` then reads a digit at a time
    /// with all its rules. `end` is the buffer's end (a run reads whole words before it).
    @inline(__always)
    static func quickDecimal(_ p: UnsafePointer<UInt8>, from: Int, to: Int, end: Int, negative: Bool) -> ExactDecimal? {
        var k = from, units: Int128 = 0, whole = 0, fraction = 0
        digitRun(p, &k, to, end, &units, &whole)
        guard whole > 0 else { return nil }
        if k < to {
            guard p[k] == UInt8(ascii: ".") else { return nil }
            k += 1
            digitRun(p, &k, to, end, &units, &fraction)
            guard fraction > 0, k == to else { return nil }
        }
        // At most 38 digits: below 10^38, so the units never wrapped.
        guard whole + fraction <= 38 else { return nil }
        return ExactDecimal(units: negative ? -units : units, scale: fraction)
    }

    /// Reads the digits at `k` (up to `to`) onto `units`, adding their number to `count`, and
    /// leaves `k` on the first byte that is no digit. Eight bytes at a time: a word's bytes that
    /// are digits are found at once (`PackedTime.digitsFit`'s test, per byte), and the run of
    /// them it starts with, n long, is valued as eight digits with 8 - n zeros in front.
    /// Digits past 38 wrap `units` (the caller then gives up).
    @inline(__always)
    static func digitRun(_ p: UnsafePointer<UInt8>, _ k: inout Int, _ to: Int, _ end: Int,
                         _ units: inout Int128, _ count: inout Int) {
        while k < to {
            guard k + 8 <= end else {
                // The last bytes of the buffer: one at a time.
                while k < to, p[k] &- 0x30 <= 9 {
                    units = units &* 10 &+ Int128(p[k] &- 0x30)
                    count += 1
                    k += 1
                }
                return
            }
            let w = UInt64(littleEndian: casefile_load64(p + k))
            let highs: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
            // Zero exactly in the bytes that are digits, up to the first that is not (a carry
            // out of a byte of 0xFA or more reaches only bytes after it).
            let other = ((w & highs) | (((w &+ 0x0606_0606_0606_0606) & highs) >> 4)) ^ 0x3333_3333_3333_3333
            let n = min(other == 0 ? 8 : other.trailingZeroBitCount / 8, to - k)
            if n == 0 { return }
            let digits = n == 8 ? w : (w << UInt64(8 * (8 - n))) | (0x3030_3030_3030_3030 >> UInt64(8 * n))
            units = units &* Int128(powerOfTen(n)) &+ Int128(gather(digits))
            count += n
            k += n
            if n < 8 { return }
        }
    }

    @inline(__always)
    static func powerOfTen(_ n: Int) -> UInt64 {
        switch n {
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    /// Eight ASCII digits' value, gathered pairwise by three multiplications.
    @inline(__always)
    static func gather(_ w: UInt64) -> UInt32 {
        // (Swift's >> binds tighter than &*, hence the brackets.)
        var v = ((w & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return UInt32(truncatingIfNeeded: ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32)
    }

    /// An amount written as a string: `-?digits[.digits]` is read here; any other spelling
    /// (exponent, `+`, a bare JSON number) goes to ExactDecimal's own parser or the reference path.
    static func decimal(_ c: inout CaseReaderCursor) throws(CaseReaderUnsupported) -> ExactDecimal {
        let r = try c.plainString()
        let p = c.base
        var k = r.lowerBound
        let negative = k < r.upperBound && p[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        if let quick = quickDecimal(p, from: k, to: r.upperBound, end: c.end, negative: negative) { return quick }
        var units: Int128 = 0
        var digits = 0, significant = 0, fraction = 0
        var point = false, plain = k < r.upperBound
        while k < r.upperBound {
            let b = p[k]
            if b >= 0x30 && b <= 0x39 {
                if units != 0 || b != 0x30 { significant += 1 }
                units = units &* 10 &+ Int128(b &- 0x30)
                digits += 1
                if point { fraction += 1 }
            } else if b == UInt8(ascii: ".") && !point && digits > 0 {
                point = true
            } else {
                plain = false
                break
            }
            k += 1
        }
        if plain && digits > 0 && significant <= 38 && fraction <= 38 && !(point && fraction == 0) {
            return ExactDecimal(units: negative ? -units : units, scale: fraction)
        }
        let text = String(decoding: UnsafeBufferPointer(start: p + r.lowerBound, count: r.count), as: UTF8.self)
        guard let d = ExactDecimal(text) else { throw CaseReaderUnsupported() }
        return d
    }
}
