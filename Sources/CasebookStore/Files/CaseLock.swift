#if canImport(Glibc)
import Glibc
#endif

// An advisory lock held by the one process allowed to edit a case: flock(2) on NAME.lock beside
// the case file, with the holder's pid written inside for the refusal message. The kernel drops
// the lock when the holder dies, even by SIGKILL, so a crash never leaves a case locked.
// Release unlinks the lock file while still holding the lock; an acquirer that locked a file
// which was unlinked meanwhile sees that its inode is no longer the one at the path, and retries,
// so two processes can never hold locks on two different files of the same name.

final class CaseLock {
    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Takes the lock or throws `.locked` naming the holder's pid.
    static func acquire(for casePath: String) throws(StoreError) -> CaseLock {
        let path = casePath + ".lock"
        var fd: Int32 = -1
        while true {
            fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw .io(path: casePath, action: "create its lock file \(path)", reason: POSIXFile.errorText())
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let holder = readPID(fd)
                close(fd)
                throw .locked(path: casePath, holder: holder)
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev { break }
            close(fd)
        }
        let pid = "\(getpid())\n"
        ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        return CaseLock(path: path, fd: fd)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingWhitespace)
    }

    func release() {
        guard fd >= 0 else { return }
        unlink(path)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}

extension String {
    var trimmingWhitespace: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
