#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasebookModel

// A section's table as CaseCoding.decode builds it: records in file order, and a record whose id
// its kind already has set aside and reported with the line its `{` is on.

struct CaseReaderTable<Record: CaseRecord> {
    var records: RecordTable<Record>
    var duplicates: [Problem] = []
    private let plural: String

    init(_ kind: RecordKind, capacity: Int) {
        records = RecordTable(minimumCapacity: capacity)
        plural = kind.plural
    }

    /// Adds a record that started at byte `offset`; one hash lookup unless it is a duplicate.
    @inline(__always)
    mutating func insert(_ r: consuming Record, at offset: Int, _ lines: inout CaseReaderLines) {
        let h = IDIndex.hash(r.id)
        insert(r, at: offset, hash: h, &lines)
    }

    /// As `insert(_:at:_:)`, with the id's hash (`IDIndex.hash`) already made.
    @inline(__always)
    mutating func insert(_ r: consuming Record, at offset: Int, hash h: UInt32, _ lines: inout CaseReaderLines) {
        let id = r.id
        if let earlier = records.updateValue(consume r, forKey: id, hash: h) {
            records[id] = earlier
            duplicates.append(Problem(recordID: id, field: "id",
                                      message: "appears twice among \(plural) (again at line \(lines.line(at: offset)))"))
        }
    }
}

/// Line numbers of byte offsets, counted forward from the last one asked for (duplicates come
/// in file order, so the file is counted through about once).
struct CaseReaderLines {
    let buffer: UnsafeBufferPointer<UInt8>
    let release: CaseReaderRelease
    private var offset = 0
    private var line = 1
    /// Set when a line was asked for after bytes were given back (it may be wrong).
    private(set) var unreliable = false

    init(_ buffer: UnsafeBufferPointer<UInt8>, release: CaseReaderRelease = .none) {
        self.buffer = buffer
        self.release = release
    }

    mutating func line(at target: Int) -> Int {
        if release.happened { unreliable = true }
        if target < offset { offset = 0; line = 1 }
        line += CaseReaderLines.count(buffer, from: offset, to: target)
        offset = target
        return line
    }

    /// About how many records (one a line) [from, to) holds, a little over rather than under:
    /// the lines of its first 4 MB, scaled. Counting them all is a pass over the whole section.
    /// An overestimate costs address space for the records (pages not written to are never
    /// resident), and memory for the id index, whose words are written: about 11 bytes a line.
    static func estimate(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let sample = min(to - from, 4 << 20)
        guard sample > 0 else { return 16 }
        let lines = count(buffer, from: from, to: from + sample)
        return Int(Double(lines + 1) * Double(to - from) / Double(sample) * 1.1) + 16
    }

    /// Newlines in [from, to), eight bytes at a time: a byte of `w ^ 0x0A…` is zero where `w` has
    /// a newline, and `((x & 0x7F…) + 0x7F…) | x` sets the top bit of exactly the non-zero bytes.
    static func count(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = buffer.baseAddress else { return 0 }
        var n = 0, k = from
        let raw = UnsafeRawPointer(base)
        while k + 8 <= to {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let nonZero = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
            n &+= 8 &- nonZero.nonzeroBitCount
            k += 8
        }
        while k < to { n &+= base[k] == 0x0A ? 1 : 0; k += 1 }
        return n
    }
}
