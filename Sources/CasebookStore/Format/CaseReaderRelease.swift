#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

// Gives the pages of the file's bytes already read back to the system while a big section is
// read, so the file (470 MB at a million transfers) does not sit in memory beside the records
// made from it: the peak of opening a case is then about the records alone.
//
// Only the reader's own mapping of the file (CaseReaderFile) is released, with MADV_DONTNEED:
// its pages leave the process, and touching them again would read them from the file once more
// (the file as it is then, not as it was read). So once anything is released, what would need
// the bytes again gives up instead of reading them twice: a duplicate id (its line number is
// counted from the start), and any failure that sends the file to the reference path, which
// then reads the file from disk anew. A big section's blocks give back only bytes already in the table
// (CaseReaderArrays), so the reader never needs them again.

final class CaseReaderRelease: @unchecked Sendable {
    /// The start of the bytes, when they are ours to release.
    private let base: UnsafeMutableRawPointer?
    /// Bytes read between two releases; a multiple of the page size.
    let step: Int
    private let released = Atomic<Bool>(false)
    static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Bytes that must never be released (an Array's, a test's).
    static let none = CaseReaderRelease(base: nil, step: Int.max)

    init(base: UnsafeMutableRawPointer?, step: Int = 8 << 20) {
        self.base = base
        self.step = max(CaseReaderRelease.page, step / CaseReaderRelease.page * CaseReaderRelease.page)
    }

    /// Whether any bytes were given back (and now read as zeros).
    var happened: Bool { released.load(ordering: .acquiring) }

    /// Gives back the whole pages in [from, to); returns where the next release should start.
    func release(_ from: Int, _ to: Int) -> Int {
        guard let base else { return from }
        let page = CaseReaderRelease.page
        let start = (from + page - 1) / page * page, end = to / page * page
        guard end > start else { return from }
        released.store(true, ordering: .releasing)
        _ = madvise(base + start, end - start, MADV_DONTNEED)
        return end
    }
}

/// One reading thread's mark: everything before it has been given back.
struct CaseReaderReleaseMark {
    let shared: CaseReaderRelease
    var mark: Int

    init(_ shared: CaseReaderRelease, from start: Int) {
        self.shared = shared
        mark = start
    }

    /// Called with the start of the record about to be read: what lies before it is done with.
    @inline(__always) mutating func reached(_ position: Int) {
        if position - mark >= shared.step { mark = shared.release(mark, position) }
    }
}
