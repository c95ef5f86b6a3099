#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasebookModel
import Dispatch
import Synchronization

// A section of records (`"transfers":[...]`) into its table, read on two threads when it is big.
//
// How the split works: the canonical writer puts one record per line, and a raw newline can
// only stand between JSON tokens (never inside a string), so "\n{" past the middle of the
// section is very likely the start of a record. A worker reads from there to the section's `]`
// into an array, while this thread reads from the section's start straight into the table; this
// thread's reading is the truth, so the split is used only if, after a record and its comma, it
// lands exactly on it. If it does not (a pretty-printed file, a nested object), the worker is
// stopped, its work thrown away, and this thread reads on alone. Either way the records go into
// the table in file order. The table is sized once from an estimate of the section's lines (one
// per record in a canonical file). This thread also fills the table, so it takes the smaller
// share; once it lands on the split it moves the worker's records into the table in chunks of
// `chunkSize` as the worker hands them over, so that work overlaps the worker's reading (and the
// worker's share is never all held twice).

/// Why the fast reader stopped: the reference path must decide, or the user cancelled.
enum CaseReaderStop: Error {
    case unsupported, cancelled
}

/// Reports the position every megabyte or so; the callback returning false cancels.
struct CaseReaderProgress {
    var report: ((Int) -> Bool)?
    var next = 1 << 20

    @inline(__always) mutating func check(_ position: Int) throws(CaseReaderStop) {
        guard position >= next, let report else { return }
        next = position + (1 << 20)
        if !report(position) { throw .cancelled }
    }
}

/// The second part of a section, read on a worker thread. The buffer outlives the job (the
/// reader waits for it once it has started); full chunks of records are handed over through
/// `ready` as they are read; `end` is written before the group is left and read after the wait;
/// `state`, `position` and `stop` are shared while it runs. The records are kept in raw memory
/// so the reader can move them into the table without copying each record's strings (a retain
/// and a release for every string of a million records).
private final class CaseReaderJob<K: CaseReaderKind>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    let start: Int, close: Int
    let stop = Atomic<Bool>(false)
    let position: Atomic<Int>
    /// 0 until the worker starts, then 1; 2 if the reader got to the split first and took over
    /// (a busy thread pool must never leave the reader waiting for a worker that has not begun).
    let state = Atomic<Int>(0)
    /// Chunks read and not yet taken, in file order; `handed` is signalled for each.
    private let lock = Mutex(())
    private var ready: [CaseReaderRecordBuffer<K.Record>] = []   // under `lock`
    let handed = DispatchSemaphore(value: 0)
    var end = -1
    /// Whether the worker gave any of its share back (written before the group is left).
    var released = false

    let release: CaseReaderRelease

    init(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, close: Int, release: CaseReaderRelease) {
        self.buffer = buffer
        self.release = release
        self.start = start
        self.close = close
        position = Atomic(start)
    }

    func run() {
        guard state.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return }
        var chunk = CaseReaderRecordBuffer<K.Record>()
        chunk.reserve(CaseReaderArrays.chunkSize)
        var c = CaseReaderCursor(buffer, at: start)
        var names = CaseReaderInterner()
        var done = CaseReaderReleaseMark(release, from: start)
        defer {
            released = done.mark != start
            chunk.free()
        }
        do {
            repeat {
                if chunk.count & 1023 == 0 {
                    if stop.load(ordering: .relaxed) { return }
                    position.store(c.i, ordering: .relaxed)
                }
                let offset = c.i
                done.reached(offset)
                chunk.append(try K.decode(&c, &names), at: offset)
                if chunk.count == CaseReaderArrays.chunkSize { hand(&chunk) }
            } while try c.more(UInt8(ascii: "]"))
            hand(&chunk)
            end = c.i
        } catch {}
    }

    private func hand(_ chunk: inout CaseReaderRecordBuffer<K.Record>) {
        let full = chunk
        chunk = CaseReaderRecordBuffer()
        chunk.reserve(CaseReaderArrays.chunkSize)
        lock.withLock { _ in ready.append(full) }
        handed.signal()
    }

    /// The chunks handed over since the last call, in file order (now the caller's to drain or free).
    func take() -> [CaseReaderRecordBuffer<K.Record>] {
        lock.withLock { _ in
            let taken = ready
            ready.removeAll()
            return taken
        }
    }
}

/// Records in file order with their offsets, in memory the reader can move them out of.
struct CaseReaderRecordBuffer<Record> {
    private var base: UnsafeMutablePointer<Record>?
    private var capacity = 0
    private(set) var count = 0
    private(set) var offsets: [Int] = []

    mutating func reserve(_ n: Int) {
        guard n > capacity else { return }
        let fresh = UnsafeMutablePointer<Record>.allocate(capacity: n)
        if let base {
            fresh.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = fresh
        capacity = n
        offsets.reserveCapacity(n)
    }

    mutating func append(_ record: consuming Record, at offset: Int) {
        if count == capacity { reserve(max(16, capacity * 2)) }
        (base! + count).initialize(to: record)
        offsets.append(offset)
        count += 1
    }

    /// Hands each record to `body` in order, leaving the buffer empty.
    mutating func drain(_ body: (consuming Record, Int) -> Void) {
        guard let base else { return }
        for k in 0..<count { body((base + k).move(), offsets[k]) }
        base.deallocate()
        self.base = nil
        count = 0
        capacity = 0
        offsets = []
    }

    /// Frees what was not drained (a job given up on).
    mutating func free() {
        guard let base else { return }
        base.deinitialize(count: count)
        base.deallocate()
        self.base = nil
        count = 0
    }
}

enum CaseReaderArrays {
    /// Sections smaller than this are read on one thread: a worker costs more than it saves.
    static let splitThreshold = 4 << 20
    /// The share of a split section this thread reads itself (it also fills the table).
    static let ownShare = 0.37
    /// Records per chunk the worker hands over.
    static let chunkSize = 4096

    /// Reads `[record, ...]` of kind `K` at the cursor into its table; a section of `threshold`
    /// bytes or more is shared with a worker thread.
    static func read<K: CaseReaderKind>(_: K.Type, _ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner,
                                        _ lines: inout CaseReaderLines, _ progress: inout CaseReaderProgress,
                                        split threshold: Int) throws(CaseReaderStop) -> CaseReaderTable<K.Record> {
        do {
            guard try c.open(UInt8(ascii: "["), UInt8(ascii: "]")) else { return CaseReaderTable(K.kind, capacity: 0) }
        } catch { throw .unsupported }
        if let (split, close) = splitPoint(c, threshold) {
            let job = CaseReaderJob<K>(lines.buffer, start: split, close: close, release: lines.release)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { job.run() }
            defer {
                job.stop.store(true, ordering: .relaxed)
                // Wait only for a worker that began; one that has not will find state 2 and return.
                let (taken, state) = job.state.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing)
                if !taken && state == 1 { group.wait() }
                for var chunk in job.take() { chunk.free() }
            }
            // Sized for the whole section, so nothing waits for the worker.
            var table = CaseReaderTable<K.Record>(K.kind, capacity: CaseReaderLines.estimate(lines.buffer, from: c.i, to: close))
            var ended = false
            var done = CaseReaderReleaseMark(lines.release, from: c.i)
            do {
                while c.i < split {
                    try progress.check(c.i - split + job.position.load(ordering: .relaxed))
                    let start = c.i
                    done.reached(start)
                    table.insert(try K.decode(&c, &names), at: start, &lines)
                    if try !c.more(UInt8(ascii: "]")) { ended = true; break }
                }
            } catch let stop as CaseReaderStop { throw stop } catch { throw .unsupported }
            if ended { return table }
            if c.i == split && !job.state.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing).exchanged {
                // Move the worker's chunks in as they come; when none is ready, wait for one or
                // for the worker to finish (it hands its last chunk before it leaves the group).
                var finished = false
                while true {
                    let chunks = job.take()
                    for var chunk in chunks { chunk.drain { r, offset in table.insert(r, at: offset, &lines) } }
                    if !chunks.isEmpty { continue }
                    if finished { break }
                    if group.wait(timeout: .now()) == .success { finished = true; continue }
                    _ = job.handed.wait(timeout: .now() + .milliseconds(50))
                    try progress.check(c.i + job.position.load(ordering: .relaxed) - split)
                }
                guard job.end >= 0 else { throw .unsupported }
                c.i = job.end
                return table
            }
            job.stop.store(true, ordering: .relaxed)
            // Reading on alone would read the worker's share, which it may have given back.
            if case (false, 1) = job.state.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing) { group.wait() }
            if job.released { throw .unsupported }
            return try rest(K.self, table, &c, &names, &lines, &progress)
        }
        return try rest(K.self, CaseReaderTable(K.kind, capacity: 0), &c, &names, &lines, &progress)
    }

    /// Reads the section's records from the cursor on, on this thread alone.
    private static func rest<K: CaseReaderKind>(_: K.Type, _ table: CaseReaderTable<K.Record>, _ c: inout CaseReaderCursor,
                                                _ names: inout CaseReaderInterner, _ lines: inout CaseReaderLines,
                                                _ progress: inout CaseReaderProgress) throws(CaseReaderStop) -> CaseReaderTable<K.Record> {
        var table = table
        var done = CaseReaderReleaseMark(lines.release, from: c.i)
        do {
            repeat {
                try progress.check(c.i)
                let start = c.i
                done.reached(start)
                table.insert(try K.decode(&c, &names), at: start, &lines)
            } while try c.more(UInt8(ascii: "]"))
        } catch let stop as CaseReaderStop { throw stop } catch { throw .unsupported }
        return table
    }

    /// Where a worker could start (the `{` of a line part way into the section) and where the
    /// section's closing "\n]" is, or nil for a small section.
    static func splitPoint(_ c: CaseReaderCursor, _ threshold: Int) -> (split: Int, close: Int)? {
        guard c.end - c.i >= threshold, let close = find(0x0A, UInt8(ascii: "]"), c, from: c.i, to: c.end),
              close - c.i >= threshold else { return nil }
        let middle = c.i + Int(Double(close - c.i) * ownShare)
        guard let line = find(0x0A, UInt8(ascii: "{"), c, from: middle, to: close) else { return nil }
        return (line + 1, close)
    }

    /// The offset of the first `a` followed by `b` in [from, to).
    static func find(_ a: UInt8, _ b: UInt8, _ c: CaseReaderCursor, from: Int, to: Int) -> Int? {
        var k = from
        while k < to - 1 {
            guard let hit = memchr(c.base + k, Int32(a), to - 1 - k) else { return nil }
            k = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - c.base
            if c.base[k + 1] == b { return k }
            k += 1
        }
        return nil
    }
}
