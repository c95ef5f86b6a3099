#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The case file's bytes for the fast reader, in memory mapped with MAP_POPULATE and filled with
// read(). A big case is hundreds of megabytes, and page faults are a good part of opening one:
// populating the mapping takes them in one system call instead of one trap per page as an Array
// grows. The file is read, not mapped, so a file cut short while it loads cannot crash us (a
// mapped file that shrinks raises SIGBUS).

enum CaseReaderFile {
    /// Calls `body` with the whole file and what of it may be released once read (see
    /// CaseReaderRelease); errors as POSIXFile.read reports them.
    static func withBytes<T>(_ path: String, releaseStep: Int = 8 << 20,
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
        guard let memory = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
              memory != MAP_FAILED else {
            return try POSIXFile.read(path).withUnsafeBufferPointer { b throws(StoreError) in try body(b, .none) }
        }
        defer { munmap(memory, length) }
        let count = try fill(memory.assumingMemoryBound(to: UInt8.self), length, path)
        guard count <= size else { return try POSIXFile.read(path).withUnsafeBufferPointer { b throws(StoreError) in try body(b, .none) } }
        return try body(UnsafeBufferPointer(start: memory.assumingMemoryBound(to: UInt8.self), count: count),
                        CaseReaderRelease(base: memory, step: releaseStep))
    }

    /// Reads up to `capacity` bytes of the file into `memory`; returns how many there were.
    private static func fill(_ memory: UnsafeMutablePointer<UInt8>, _ capacity: Int, _ path: String) throws(StoreError) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, action: "open it", reason: POSIXFile.errorText()) }
        defer { close(fd) }
        var count = 0
        while count < capacity {
            let n = read(fd, memory + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, action: "read it", reason: POSIXFile.errorText())
            }
            if n == 0 { break }
            count += n
        }
        return count
    }
}
