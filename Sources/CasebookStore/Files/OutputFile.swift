#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written whole or not at all from text made piece by piece, for an export too big to
/// hold at once (a million transfers' STIX bundle is 1.3 GB): a temporary file beside it,
/// written as the pieces come, synced, then renamed over (POSIXFile.replaceAtomically). A failure
/// on the way leaves whatever was there before.
public enum OutputFile {
    /// Calls `produce`, which hands each piece to the function it is given, in order.
    public static func write(_ path: String, _ produce: (_ piece: (String) throws -> Void) throws -> Void) throws {
        // An existing file keeps its mode; a new one gets what the umask allows of rw-rw-rw-,
        // as an ordinary write would.
        let mode = POSIXFile.mode(of: path) ?? (0o666 & ~currentUmask())
        var failure: (any Error)?
        do {
            try POSIXFile.replaceAtomically(path, mode: mode) { (write) throws(StoreError) in
                do {
                    try withoutActuallyEscaping(write) { write in
                        try produce { piece in
                            var piece = piece
                            try piece.withUTF8 { b in try write(UnsafeRawBufferPointer(b)) }
                        }
                    }
                } catch let e as StoreError {
                    throw e
                } catch {
                    failure = error
                    throw StoreError.io(path: path, action: "write it", reason: "\(error)")
                }
            }
        } catch {
            throw failure ?? error   // the producer's own error when it was the producer's
        }
    }

    /// The process's umask, read rather than set and set back (which would race another thread
    /// creating a file); 022 where /proc does not say.
    static func currentUmask() -> mode_t {
        guard let status = try? POSIXFile.read("/proc/self/status") else { return 0o022 }
        for line in String(decoding: status, as: UTF8.self).split(separator: "\n") where line.hasPrefix("Umask:") {
            if let value = mode_t(String(line.dropFirst(6).filter { $0 != " " && $0 != "\t" }), radix: 8) { return value }
        }
        return 0o022
    }
}
