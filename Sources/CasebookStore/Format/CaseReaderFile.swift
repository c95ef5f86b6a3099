#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

// The case file's bytes for the fast reader, in anonymous memory filled with read(). A big case
// is hundreds of megabytes, and page faults are a good part of opening one: each half of the
// memory is populated in one system call (MADV_POPULATE_WRITE) instead of one trap per page as
// an Array grows, and the two halves are populated and read on two threads at once (about 240 →
// 140 ms for 470 MB, all before parsing can start). The file is read, not mapped, so a file cut
// short while it loads cannot crash us (a mapped file that shrinks raises SIGBUS).

enum CaseReaderFile {
    /// Calls `body` with the whole file and what of it may be released once read (see
    /// CaseReaderRelease); errors as POSIXFile.read reports them.
    /// Files of `halvesFrom` bytes or more are read in two halves at once.
    static func withBytes<T>(_ path: String, releaseStep: Int = 8 << 20, halvesFrom: Int = 8 << 20,
                             _ body: (UnsafeBufferPointer<UInt8>, CaseReaderRelease) throws(StoreError) -> T) throws(StoreError) -> T {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .notFound(path: path) }
            throw .io(path: path, action: "open it", reason: POSIXFile.errorText())
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let reason = POSIXFile.errorText()
            close(fd)
            throw .io(path: path, action: "read it", reason: reason)
        }
        let size = Int(st.st_size)
        let regular = (st.st_mode & S_IFMT) == S_IFREG
        close(fd)
        // Anything but a non-empty regular file (a folder, a pipe, an empty file) is read the
        // ordinary way, which also words the errors.
        guard regular, size > 0 else { return try POSIXFile.read(path).withUnsafeBufferPointer { b throws(StoreError) in try body(b, .none) } }
        let length = size + 1   // one spare byte: a file that grew while read is read again
        guard let memory = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else {
            return try POSIXFile.read(path).withUnsafeBufferPointer { b throws(StoreError) in try body(b, .none) }
        }
        defer { munmap(memory, length) }
        let count = try fill(memory.assumingMemoryBound(to: UInt8.self), length, halvesFrom, path)
        guard count <= size else { return try POSIXFile.read(path).withUnsafeBufferPointer { b throws(StoreError) in try body(b, .none) } }
        return try body(UnsafeBufferPointer(start: memory.assumingMemoryBound(to: UInt8.self), count: count),
                        CaseReaderRelease(base: memory, step: releaseStep))
    }

    /// Reads up to `capacity` bytes of the file into `memory`, in two halves at once when it is
    /// `halvesFrom` bytes or more; returns how
    /// many bytes from the start were read (fewer than the file's size if it shrank meanwhile).
    private static func fill(_ memory: UnsafeMutablePointer<UInt8>, _ capacity: Int, _ halvesFrom: Int,
                             _ path: String) throws(StoreError) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, action: "open it", reason: POSIXFile.errorText()) }
        defer { close(fd) }
        let page = CaseReaderRelease.page
        let mid = capacity < max(halvesFrom, 2 * page) ? capacity : capacity / 2 / page * page
        let halves = [0..<mid, mid..<capacity].filter { !$0.isEmpty }
        let results = Mutex([Int: Result<Int, StoreError>]())
        // Each thread writes only its own half.
        nonisolated(unsafe) let memory = memory
        DispatchQueue.concurrentPerform(iterations: halves.count) { h in
            let r = read(fd, into: memory, halves[h], path)
            results.withLock { $0[h] = r }
        }
        let got = results.withLock { $0 }
        var count = 0
        for h in halves.indices {
            switch got[h]! {
            case .failure(let e): throw e
            case .success(let n):
                count += n
                if n < halves[h].count { return count }   // end of file: nothing after it
            }
        }
        return count
    }

    /// Populates and reads `range` of the file into the same range of `memory`.
    private static func read(_ fd: Int32, into memory: UnsafeMutablePointer<UInt8>, _ range: Range<Int>,
                             _ path: String) -> Result<Int, StoreError> {
        #if os(Linux)
        // MADV_POPULATE_WRITE (Linux 5.14): if refused, pages are faulted in by read() instead.
        let page = CaseReaderRelease.page
        let end = (range.upperBound + page - 1) / page * page
        _ = madvise(memory + range.lowerBound, end - range.lowerBound, 23)
        #endif
        var count = 0
        while count < range.count {
            let n = pread(fd, memory + range.lowerBound + count, range.count - count, off_t(range.lowerBound + count))
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.io(path: path, action: "read it", reason: POSIXFile.errorText()))
            }
            if n == 0 { break }
            count += n
        }
        return .success(count)
    }
}
