#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasebookModel
import CCaseFile
import Dispatch
import Synchronization

// A section of records (`"transfers":[...]`) into its table, read on two threads when it is big.
//
// How the split works: the canonical writer puts one record per line, and a raw newline can
// only stand between JSON tokens (never inside a string), so "\n{" is very likely the start of
// a record. The section is cut at such places into blocks (`blocksPerSection`), and this thread
// and one worker each claim the next unclaimed block, read it into a buffer, and claim again,
// so neither waits while the other has work (a fixed share per thread left one idle for
// hundreds of milliseconds whenever the machine slowed the other). This thread also moves the
// blocks' records into the table in file order, before claiming more; that is what makes the
// split safe: block 0 starts at the section's first record, and a block read from a true start
// ends on a true start, so block k is used only if block k-1 ended exactly where block k
// begins. If one does not (a pretty-printed file, a nested object), the blocks after it are
// thrown away and this thread reads on alone from where the last good block ended. The table is
// sized once from an estimate of the section's lines (one per record in a canonical file). Only
// this thread gives bytes back (CaseReaderRelease), and only those of blocks already in the
// table, so reading on alone never meets released bytes.

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

/// The blocks of a big section, claimed one at a time by this thread and a worker. The buffer
/// outlives the job (the reader waits for a worker that started); `next` hands out block
/// numbers; a block's result is put under `lock` and `finished` is signalled for it.
private final class CaseReaderBlocks<K: CaseReaderKind>: @unchecked Sendable {
    /// One block read: its records and where reading stopped (after the comma or `]` of its
    /// last record); `failed` if it could not be read.
    struct Block {
        var records = CaseReaderRecordBuffer<K.Record>()
        var end = -1
        /// It reached the section's `]`.
        var closed = false
        var failed = false
    }

    let buffer: UnsafeBufferPointer<UInt8>
    /// Block k is read from starts[k] until the cursor reaches starts[k + 1] (or `]`).
    let starts: [Int]
    let next = Atomic<Int>(0)
    let stop = Atomic<Bool>(false)
    /// 0 until the worker starts, then 1; 2 if the reader finished first and the worker must not
    /// begin (a busy thread pool must never leave the reader waiting for a worker that has not).
    let state = Atomic<Int>(0)
    private let lock = Mutex(())
    private var done: [Block?]   // under `lock`
    /// Drained buffers, for the next blocks to read into (under `lock`).
    private var spare: [CaseReaderRecordBuffer<K.Record>] = []
    let finished = DispatchSemaphore(value: 0)
    /// Records a block's buffer is first made for.
    let perBlock: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>, starts: [Int], perBlock: Int) {
        self.buffer = buffer
        self.starts = starts
        self.perBlock = perBlock
        done = Array(repeating: nil, count: starts.count)
    }

    var count: Int { starts.count }

    /// The next unclaimed block, or nil when all are claimed (or reading stopped).
    func claim() -> Int? {
        if stop.load(ordering: .relaxed) { return nil }
        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return k < count ? k : nil
    }

    func run() {
        guard state.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return }
        var names = CaseReaderInterner()
        while let k = claim() { put(k, read(k, &names)) }
    }

    /// Reads block `k` on the calling thread.
    func read(_ k: Int, _ names: inout CaseReaderInterner) -> Block {
        var block = Block()
        let limit = k + 1 < count ? starts[k + 1] : Int.max
        var c = CaseReaderCursor(buffer, at: starts[k])
        if let reused = lock.withLock({ _ in spare.popLast() }) { block.records = reused }
        block.records.reserve(perBlock)
        do {
            repeat {
                if block.records.count & 1023 == 1023 && stop.load(ordering: .relaxed) { block.failed = true; return block }
                let offset = c.i
                block.records.append(try K.decode(&c, &names), at: offset)
                if try !c.more(UInt8(ascii: "]")) { block.closed = true; break }
            } while c.i < limit
            block.end = c.i
        } catch {
            block.failed = true
        }
        return block
    }

    func put(_ k: Int, _ block: Block) {
        lock.withLock { _ in done[k] = block }
        finished.signal()
    }

    /// Block `k`'s result once it is read (then the caller's to drain or free).
    func take(_ k: Int) -> Block? {
        lock.withLock { _ in
            let block = done[k]
            done[k] = nil
            return block
        }
    }

    /// Keeps a drained buffer for another block.
    func recycle(_ records: CaseReaderRecordBuffer<K.Record>) {
        lock.withLock { _ in spare.append(records) }
    }

    /// Frees every result not taken, and the spare buffers.
    func freeAll() {
        lock.withLock { _ in
            for k in done.indices { done[k]?.records.free(); done[k] = nil }
            for k in spare.indices { spare[k].free() }
            spare = []
        }
    }
}

/// Records in file order with their offsets and their ids' hashes (IDIndex.hash: made on the
/// thread that read them, not the one that puts them in the table), in memory the reader can
/// move them out of.
struct CaseReaderRecordBuffer<Record: CaseRecord> {
    private var base: UnsafeMutablePointer<Record>?
    private var capacity = 0
    private(set) var count = 0
    private(set) var offsets: [Int] = []
    private(set) var hashes: [UInt32] = []

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
        hashes.reserveCapacity(n)
    }

    mutating func append(_ record: consuming Record, at offset: Int) {
        if count == capacity { reserve(max(16, capacity * 2)) }
        hashes.append(IDIndex.hash(record.id))
        (base! + count).initialize(to: record)
        offsets.append(offset)
        count += 1
    }

    /// Hands each record, its offset and its id's hash to `body` in order, and the hash of the
    /// record `ahead` places on to `warm` first (to prefetch what inserting it will touch),
    /// leaving the buffer empty (its memory kept for reuse: a fresh buffer of megabytes is a
    /// fresh mapping, every page of it a fault).
    mutating func drain(ahead: Int = 8, warm: (UInt32) -> Void = { _ in }, _ body: (consuming Record, Int, UInt32) -> Void) {
        guard let base else { return }
        for k in 0..<count {
            if k + ahead < count { warm(hashes[k + ahead]) }
            body((base + k).move(), offsets[k], hashes[k])
        }
        count = 0
        offsets.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
    }

    /// Frees the buffer and what was not drained (a block given up on).
    mutating func free() {
        guard let base else { return }
        base.deinitialize(count: count)
        base.deallocate()
        self.base = nil
        count = 0
        capacity = 0
        offsets = []
        hashes = []
    }
}

enum CaseReaderArrays {
    /// Sections smaller than this are read on one thread: a worker costs more than it saves.
    static let splitThreshold = 4 << 20
    /// Blocks a split section is cut into: enough that the two threads end close together,
    /// few enough that each block is megabytes (a claim costs an atomic and a buffer).
    static let blocksPerSection = 96

    /// Reads `[record, ...]` of kind `K` at the cursor into its table; a section of `threshold`
    /// bytes or more is read in blocks shared with a worker thread.
    static func read<K: CaseReaderKind>(_: K.Type, _ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner,
                                        _ lines: inout CaseReaderLines, _ progress: inout CaseReaderProgress,
                                        split threshold: Int) throws(CaseReaderStop) -> CaseReaderTable<K.Record> {
        do {
            guard try c.open(UInt8(ascii: "["), UInt8(ascii: "]")) else { return CaseReaderTable(K.kind, capacity: 0) }
        } catch { throw .unsupported }
        guard let (starts, close) = blockStarts(c, threshold, fromEnd: K.kind == .transfer) else {
            var table = CaseReaderTable<K.Record>(K.kind, capacity: 0)
            var done = CaseReaderReleaseMark(lines.release, from: c.i)
            _ = try readOn(K.self, into: &table, &c, &names, &lines, &progress, &done)
            return table
        }
        // Sized for the whole section, so nothing waits for the worker.
        let capacity = CaseReaderLines.estimate(lines.buffer, from: c.i, to: close)
        let perBlock = Int(Double(capacity) * Double(starts[1] - starts[0]) / Double(max(1, close - c.i)) * 1.2) + 16
        let blocks = CaseReaderBlocks<K>(lines.buffer, starts: starts, perBlock: perBlock)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { blocks.run() }
        defer {
            blocks.stop.store(true, ordering: .relaxed)
            // Wait only for a worker that began; one that has not will find state 2 and return.
            let (taken, state) = blocks.state.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing)
            if !taken && state == 1 { group.wait() }
            blocks.freeAll()
        }
        var table = CaseReaderTable<K.Record>(K.kind, capacity: capacity)
        var done = CaseReaderReleaseMark(lines.release, from: c.i)
        var k = 0
        while k < blocks.count {
            try progress.check(starts[k])
            guard var block = blocks.take(k) else {
                guard let mine = blocks.claim() else {
                    _ = blocks.finished.wait(timeout: .now() + .milliseconds(50))
                    continue
                }
                if mine != k {
                    blocks.put(mine, blocks.read(mine, &names))
                    continue
                }
                // The next block in file order: straight into the table, no buffer between.
                guard starts[k] == c.i else { break }
                let limit = k + 1 < blocks.count ? starts[k + 1] : Int.max
                if try readOn(K.self, into: &table, &c, &names, &lines, &progress, &done, until: limit) { return table }
                done.reached(c.i)
                k += 1
                continue
            }
            // Block k starts where block k - 1 ended (block 0 at the section's first record).
            if starts[k] != c.i {
                block.records.free()
                break
            }
            if block.failed { block.records.free(); throw .unsupported }
            // The id index's buckets are read at random: each is asked for a few records ahead.
            block.records.drain(warm: { h in table.records.homeBucket(h) { if let b = $0 { casefile_prefetch(b) } } }) { r, offset, h in
                table.insert(consume r, at: offset, hash: h, &lines)
            }
            blocks.recycle(block.records)
            c.i = block.end
            done.reached(c.i)
            if block.closed { return table }
            k += 1
        }
        // A block did not begin where the one before it ended: this thread reads on alone from
        // there (no byte after it was given back). The worker is waited for first, as reading on
        // gives bytes back that the block it may still be reading lies in.
        blocks.stop.store(true, ordering: .relaxed)
        if case (false, 1) = blocks.state.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing) { group.wait() }
        _ = try readOn(K.self, into: &table, &c, &names, &lines, &progress, &done)
        return table
    }

    /// Reads records from the cursor on into `table`, on this thread, giving back what lies
    /// behind each record read: true once the section's `]` is read, false when the cursor
    /// reaches `limit` after a record (the start of the next block). The table is `inout`, so
    /// a table handed on is never copied.
    private static func readOn<K: CaseReaderKind>(_: K.Type, into table: inout CaseReaderTable<K.Record>,
                                                  _ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner,
                                                  _ lines: inout CaseReaderLines, _ progress: inout CaseReaderProgress,
                                                  _ done: inout CaseReaderReleaseMark, until limit: Int = .max) throws(CaseReaderStop) -> Bool {
        do {
            repeat {
                try progress.check(c.i)
                let start = c.i
                done.reached(start)
                table.insert(try K.decode(&c, &names), at: start, &lines)
                if try !c.more(UInt8(ascii: "]")) { return true }
            } while c.i < limit
            return false
        } catch let stop as CaseReaderStop { throw stop } catch { throw .unsupported }
    }

    /// Where the blocks of a section start (the first at the cursor, the others at the `{` of a
    /// line) and where its closing "\n]" is, or nil for a small section.
    ///
    /// Finding the close means passing over every line of the section (40-50 ms for a million
    /// transfers, before the worker can start). The canonical writer puts the transfers last
    /// before the history, so with `fromEnd` the close is looked for back from the end of the
    /// file first, and trusted when `"history":[` follows it (`historyFollows`): it then closes
    /// the section just before the history, the transfers in a canonical file. In a reordered
    /// file that may be another section, further on; nothing depends on the close but the
    /// table's first size (the file's lines at most) and where blocks may start, and a block
    /// that starts beyond the section is never used (CaseReaderArrays.read), as a block that
    /// starts inside a record is not. Otherwise the close is looked for forward, line by line.
    static func blockStarts(_ c: CaseReaderCursor, _ threshold: Int, fromEnd: Bool = false) -> (starts: [Int], close: Int)? {
        guard c.end - c.i >= threshold else { return nil }
        let close: Int
        if fromEnd, let last = findLast(0x0A, UInt8(ascii: "]"), c, from: c.i, to: c.end, within: 1 << 20),
           historyFollows(c, last + 2) {
            close = last
        } else {
            guard let first = find(0x0A, UInt8(ascii: "]"), c, from: c.i, to: c.end) else { return nil }
            close = first
        }
        guard close - c.i >= threshold else { return nil }
        let step = max(1, (close - c.i) / blocksPerSection)
        var starts = [c.i]
        var from = c.i + step
        while from < close, let line = find(0x0A, UInt8(ascii: "{"), c, from: from, to: close) {
            starts.append(line + 1)
            from = line + 1 + step
        }
        // One block (no line starts a record, as in a file on one line): nothing to share.
        return starts.count > 1 ? (starts, close) : nil
    }

    /// Whether `"history":[` (spaces allowed) follows a section's `]` at `at` after its comma.
    /// A close found from the end is trusted only then: that last "\n]" closes the section just
    /// before the history, whose own entries, if any, are on its line (else its own "\n]" would
    /// have been found, and the table sized for the history's lines, say gigabytes of them).
    static func historyFollows(_ c: CaseReaderCursor, _ at: Int) -> Bool {
        var k = CaseReaderCursor(UnsafeBufferPointer(start: c.base, count: c.end), at: at)
        k.skipSpace()
        guard k.peek == UInt8(ascii: ",") else { return false }
        k.i += 1
        k.skipSpace()
        let key = Array("\"history\"".utf8)
        guard k.i + key.count <= k.end, (0..<key.count).allSatisfy({ k.base[k.i + $0] == key[$0] }) else { return false }
        k.i += key.count
        k.skipSpace()
        guard k.peek == UInt8(ascii: ":") else { return false }
        k.i += 1
        k.skipSpace()
        return k.peek == UInt8(ascii: "[")
    }

    /// The offset of the last `a` followed by `b` in [from, to), looking back no more than
    /// `within` bytes from `to`.
    static func findLast(_ a: UInt8, _ b: UInt8, _ c: CaseReaderCursor, from: Int, to: Int, within: Int) -> Int? {
        var k = to - 2
        let stop = max(from, to - within)
        while k >= stop {
            if c.base[k] == a && c.base[k + 1] == b { return k }
            k -= 1
        }
        return nil
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
