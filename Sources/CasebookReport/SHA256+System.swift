// SHA-256 through the system's libcrypto when there is one: OpenSSL uses the CPU's SHA
// instructions, about ten times the plain Swift rounds, which matters for the fingerprint of a
// million-transfer case (hundreds of megabytes). Loaded at run time with dlopen, so Casebook
// neither links nor needs OpenSSL: without it, or with CASEBOOK_PLAIN_SHA256 set, the plain Swift
// hasher is used. Both give the same digest (tested side by side).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct SystemSHA256: @unchecked Sendable {   // C function pointers and a library handle, never changed
    private typealias Start = @convention(c) (UnsafeMutableRawPointer) -> Int32
    private typealias Feed = @convention(c) (UnsafeMutableRawPointer, UnsafeRawPointer?, Int) -> Int32
    private typealias Finish = @convention(c) (UnsafeMutablePointer<UInt8>, UnsafeMutableRawPointer) -> Int32
    private let start: Start
    private let feed: Feed
    private let finish: Finish

    /// The loaded library's functions, or nil when there is no libcrypto with SHA256_Init.
    static let shared: SystemSHA256? = load()

    private static func load() -> SystemSHA256? {
        guard getenv("CASEBOOK_PLAIN_SHA256") == nil else { return nil }
        for name in ["libcrypto.so.3", "libcrypto.so", "libcrypto.dylib"] {
            guard let lib = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let s = dlsym(lib, "SHA256_Init"), let f = dlsym(lib, "SHA256_Update"),
                  let e = dlsym(lib, "SHA256_Final") else { dlclose(lib); continue }
            return SystemSHA256(start: unsafeBitCast(s, to: Start.self), feed: unsafeBitCast(f, to: Feed.self),
                                finish: unsafeBitCast(e, to: Finish.self))
        }
        return nil
    }

    /// The digest of `pieces` one after the other; nil if the library reported a failure.
    func digest(_ pieces: [[UInt8]]) -> [UInt8]? {
        digest { feed in for piece in pieces { piece.withUnsafeBytes(feed) } }
    }

    /// The digest of the bytes `produce` feeds, in order; nil if the library reported a failure.
    func digest(_ produce: ((UnsafeRawBufferPointer) -> Void) -> Void) -> [UInt8]? {
        // SHA256_CTX is 112 bytes; room to spare, aligned for its 32-bit words.
        let context = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)
        defer { context.deallocate() }
        guard start(context) == 1 else { return nil }
        var ok = true
        produce { piece in
            if ok && feed(context, piece.baseAddress, piece.count) != 1 { ok = false }
        }
        guard ok else { return nil }
        var out = [UInt8](repeating: 0, count: 32)
        let done = out.withUnsafeMutableBufferPointer { finish($0.baseAddress!, context) }
        return done == 1 ? out : nil
    }
}

extension SHA256 {
    /// The digest of `pieces` one after the other: libcrypto's when loaded, else plain Swift's.
    public static func digest(pieces: [[UInt8]]) -> [UInt8] {
        if let system = SystemSHA256.shared, let d = system.digest(pieces) { return d }
        return plainDigest(pieces: pieces)
    }

    /// The digest of the bytes `produce` feeds, in order, without holding them: libcrypto's when
    /// loaded, else plain Swift's. `produce` runs a second time only if libcrypto fails midway.
    public static func digest(producing produce: ((UnsafeRawBufferPointer) -> Void) -> Void) -> [UInt8] {
        if let system = SystemSHA256.shared, let d = system.digest(produce) { return d }
        var h = Hasher()
        produce { h.update($0) }
        return h.finalize()
    }

    /// The digest of `pieces` by the plain Swift rounds alone.
    static func plainDigest(pieces: [[UInt8]]) -> [UInt8] {
        var h = Hasher()
        for p in pieces { h.update(p) }
        return h.finalize()
    }
}
