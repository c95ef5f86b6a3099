#if canImport(Glibc)
import Glibc
#endif

// The journal is NAME.journal beside the case file: one history entry per line, JSON Lines,
// appended and fsynced before an edit is reported done, so an edit is durable in time that
// depends on the edit, not on the size of the case. Only a crash mid-append can leave a last line
// without its newline or cut short: that "torn" line was never acknowledged, so it is reported and
// dropped. A bad line anywhere else means damage, and opening stops with its line number.

final class Journal {
    let path: String
    private var fd: Int32 = -1
    private(set) var byteCount: Int

    struct Contents {
        var lines: [(number: Int, value: JSONValue)] = []
        /// Bytes up to the end of the last good line.
        var goodLength = 0
        /// Set when the last line was torn and ignored.
        var tornLine: Int?
    }

    init(path: String) {
        self.path = path
        byteCount = POSIXFile.size(of: path)
    }

    static func read(_ path: String) throws(StoreError) -> Contents {
        let bytes: [UInt8]
        do { bytes = try POSIXFile.read(path) } catch {
            if case .notFound = error { return Contents() }
            throw error
        }
        var contents = Contents()
        var start = 0
        var number = 0
        while start < bytes.count {
            number += 1
            let end = bytes[start...].firstIndex(of: 0x0A)
            let lineEnd = end ?? bytes.count
            let slice = Array(bytes[start..<lineEnd])
            let isLast = end == nil || end! + 1 >= bytes.count
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) && end != nil {
                start = lineEnd + 1
                contents.goodLength = start
                continue
            }
            do throws(JSONSyntaxError) {
                guard end != nil else { throw JSONSyntaxError(line: 1, column: slice.count + 1, message: "the line has no newline") }
                contents.lines.append((number, try JSONParser.parse(slice)))
            } catch {
                if isLast {
                    contents.tornLine = number
                    return contents
                }
                throw .journal(path: path, line: number, message: "damaged entry (\(error.message)); the journal cannot be replayed past it")
            }
            start = lineEnd + 1
            contents.goodLength = start
        }
        return contents
    }

    /// Cuts the file back to `length` bytes (drops a torn last line before appending after it).
    func truncate(to length: Int) throws(StoreError) {
        try openForAppend()
        guard ftruncate(fd, off_t(length)) == 0 else {
            throw .io(path: path, action: "truncate it", reason: POSIXFile.errorText())
        }
        try POSIXFile.sync(fd, path: path)
        byteCount = length
    }

    private func openForAppend() throws(StoreError) {
        guard fd < 0 else { return }
        let existed = POSIXFile.exists(path)
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(path: path, action: "open the journal for writing", reason: POSIXFile.errorText()) }
        if !existed { try POSIXFile.syncFolder(POSIXFile.folder(of: path)) }
    }

    /// Appends one line and returns once it is on disk.
    func append(_ line: String) throws(StoreError) {
        try openForAppend()
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        do {
            try POSIXFile.writeAll(fd, bytes, path: path)
            try POSIXFile.sync(fd, path: path)
        } catch {
            // Leave no partial line behind for the next append to follow.
            ftruncate(fd, off_t(byteCount))
            throw error
        }
        byteCount += bytes.count
    }

    /// Removes the journal after its entries were folded into the case file.
    func remove() {
        close()
        unlink(path)
        byteCount = 0
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    deinit { close() }
}
