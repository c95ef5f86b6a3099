#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasebookModel
import Dispatch
import Synchronization

// A section of records (`"transfers":[...]`), read on two threads when it is big.
//
// How the split works: the canonical writer puts one record per line, and a raw newline can
// only stand between JSON tokens (never inside a string), so "\n{" after the middle of the
// section is very likely the start of a record. A worker reads from there to the section's `]`
// while this thread reads from the section's start; this thread's reading is the truth, so the
// split is used only if this thread, after a record and its comma, lands exactly on it. If it
// does not (a pretty-printed file, a nested object), the worker is stopped and its work thrown
// away, and this thread reads on alone. Either way the records come out in file order.

/// Records of one kind, in file order, with the offset of each one's `{` (for a duplicate's line).
struct CaseReaderBatch {
    var records: [AnyRecord] = []
    var offsets: [Int] = []
}

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

/// The second half of a section, read on a worker thread. The buffer outlives the job (the
/// caller waits for it), and `batch`/`end` are written before `done` and read after the wait.
private final class CaseReaderJob: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    let start: Int
    let kind: RecordKind
    let stop = Atomic<Bool>(false)
    let position: Atomic<Int>
    var batch = CaseReaderBatch()
    var end = -1

    init(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, kind: RecordKind) {
        self.buffer = buffer
        self.start = start
        self.kind = kind
        position = Atomic(start)
    }

    func run() {
        var c = CaseReaderCursor(buffer, at: start)
        var names = CaseReaderInterner()
        do {
            repeat {
                if batch.records.count & 1023 == 0 {
                    if stop.load(ordering: .relaxed) { return }
                    position.store(c.i, ordering: .relaxed)
                }
                batch.offsets.append(c.i)
                batch.records.append(try CaseReaderRecords.record(kind, &c, &names))
            } while try c.more(UInt8(ascii: "]"))
            end = c.i
        } catch {}
    }
}

enum CaseReaderArrays {
    /// Sections smaller than this are read on one thread: a worker costs more than it saves.
    static let splitThreshold = 4 << 20

    /// Reads `[record, ...]` of `kind` at the cursor; a section of `split` bytes or more is
    /// shared with a worker thread.
    static func read(_ kind: RecordKind, _ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner,
                     _ buffer: UnsafeBufferPointer<UInt8>, _ progress: inout CaseReaderProgress,
                     split threshold: Int = splitThreshold) throws(CaseReaderStop) -> CaseReaderBatch {
        var batch = CaseReaderBatch()
        do {
            guard try c.open(UInt8(ascii: "["), UInt8(ascii: "]")) else { return batch }
        } catch { throw .unsupported }
        if let split = splitPoint(c, threshold) {
            let job = CaseReaderJob(buffer, start: split, kind: kind)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { job.run() }
            var ended = false
            do {
                while c.i < split {
                    try progress.check(c.i - split + job.position.load(ordering: .relaxed))
                    batch.offsets.append(c.i)
                    batch.records.append(try CaseReaderRecords.record(kind, &c, &names))
                    if try !c.more(UInt8(ascii: "]")) { ended = true; break }
                }
            } catch let stop as CaseReaderStop {
                job.stop.store(true, ordering: .relaxed)
                group.wait()
                throw stop
            } catch {
                job.stop.store(true, ordering: .relaxed)
                group.wait()
                throw .unsupported
            }
            if !ended && c.i == split {
                while group.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
                    try progress.check(c.i + job.position.load(ordering: .relaxed) - split)
                }
                guard job.end >= 0 else { throw .unsupported }
                batch.records += job.batch.records
                batch.offsets += job.batch.offsets
                c.i = job.end
                return batch
            }
            job.stop.store(true, ordering: .relaxed)
            group.wait()
            if ended { return batch }
        }
        do {
            repeat {
                try progress.check(c.i)
                batch.offsets.append(c.i)
                batch.records.append(try CaseReaderRecords.record(kind, &c, &names))
            } while try c.more(UInt8(ascii: "]"))
        } catch let stop as CaseReaderStop {
            throw stop
        } catch {
            throw .unsupported
        }
        return batch
    }

    /// Where a worker could start: the `{` of a line in the middle of the section, or nil.
    static func splitPoint(_ c: CaseReaderCursor, _ threshold: Int) -> Int? {
        guard c.end - c.i >= threshold, let close = find(0x0A, UInt8(ascii: "]"), c, from: c.i, to: c.end),
              close - c.i >= threshold else { return nil }
        let middle = c.i + (close - c.i) / 2
        guard let line = find(0x0A, UInt8(ascii: "{"), c, from: middle, to: close) else { return nil }
        return line + 1
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
