#if canImport(Glibc)
import Glibc
#endif

// Opening a million-transfer case makes and frees many buffers of a few megabytes (sort items,
// interning tables, per-value texts). glibc's malloc serves a buffer that big with its own
// mapping at first, but each time one is freed it raises the size it maps from, so later ones
// come from the heap, and when freed stay there: at a million transfers, 40 MB the session
// held and never used again, above the 700 MB target. Fixing the threshold keeps every buffer
// of 128 KiB or more in its own mapping, returned to the system when freed.

public enum ProcessMemory {
    /// Keeps big buffers out of the heap for the rest of the process (see above). Call once, first.
    public static func returnFreedBuffers() {
        #if canImport(Glibc)
        // mallopt is in <malloc.h>, which the Glibc module does not carry.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let mmapThreshold: Int32 = -3   // M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 128 * 1024)
        #endif
    }
}
