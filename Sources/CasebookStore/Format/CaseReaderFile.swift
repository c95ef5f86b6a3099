#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCaseFile

// The case file's bytes for the fast reader: the file mapped into memory (CCaseFile). A big case
// is hundreds of megabytes, and getting them was a good part of opening one: read() into
// anonymous memory first zeroes each page, then copies the page cache into it (about 250 ms of
// system time for 470 MB here, on both cores), where mapping the page cache's own pages costs
// tens of milliseconds, spread over the two threads that read them. (Making every page present
// at the mmap call, MAP_POPULATE, did that work on one thread while the other waited: 130 ms
// slower at the median of ten paired runs.)
//
// A mapped file that another program cuts short while we read it would raise SIGBUS and end the
// process; CCaseFile's handler puts zero pages there instead and says so, and then the file is
// read again the ordinary way (read(), which sees the file as it is now). Zeros are never JSON,
// so the reader gives up on them before anything is built from them.

enum CaseReaderFile {
    /// Calls `body` with the whole file and what of it may be released once read (see
    /// CaseReaderRelease); errors as POSIXFile.read reports them.
    static func withBytes<T>(_ path: String, releaseStep: Int = 8 << 20,
                             _ body: (UnsafeBufferPointer<UInt8>, CaseReaderRelease) throws(StoreError) -> T) throws(StoreError) -> T {
        func ordinary() throws(StoreError) -> T {
            try POSIXFile.read(path).withUnsafeBufferPointer { b throws(StoreError) in try body(b, .none) }
        }
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
        // Anything but a non-empty regular file (a folder, a pipe, an empty file) is read the
        // ordinary way, which also words the errors; so is a file that cannot be mapped.
        var slot: Int32 = -1
        let mapped = (st.st_mode & S_IFMT) == S_IFREG && size > 0 ? casefile_map(fd, size, &slot) : nil
        guard let mapped else {
            close(fd)
            return try ordinary()
        }
        let result: Result<T, StoreError>
        do {
            result = .success(try body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size),
                                       CaseReaderRelease(base: UnsafeMutableRawPointer(mutating: mapped), step: releaseStep)))
        } catch {
            result = .failure(error)
        }
        // Whatever came of it (even an error) was read partly from zeros if the file was cut
        // short (SIGBUS), or from a file that was changing if its size moved meanwhile (a cut
        // within the last page raises no SIGBUS; a file that grew was read only in part): then
        // the file is read again as it now is.
        let cut = casefile_cut_short(slot) != 0
        var now = stat()
        let moved = fstat(fd, &now) != 0 || Int(now.st_size) != size
        close(fd)
        casefile_unmap(mapped, size, slot)
        if cut || moved { return try ordinary() }
        return try result.get()
    }
}
