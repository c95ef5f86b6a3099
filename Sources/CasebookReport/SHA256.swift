// SHA-256 (FIPS 180-4) in plain Swift: Linux has no CryptoKit and Foundation has no hash.
// Used for the summary's case fingerprint, over the whole canonical case text (hundreds of
// megabytes for a million transfers), so it streams: `update` takes the bytes piece by piece as
// they are produced, whole 64-byte blocks are compressed straight from the caller's buffer, and
// only a partial block is kept. The compression keeps its state and message schedule in locals
// (no arrays, no bounds checks). Checked against the standard test vectors in the tests.

public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
        var h = Hasher()
        let done: Void? = bytes.withContiguousStorageIfAvailable { h.update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { h.update($0) } }
        return h.finalize()
    }

    /// Lower-case hex of the digest of the UTF-8 of `text`.
    public static func hex(_ text: String) -> String {
        var text = text
        var h = Hasher()
        text.withUTF8 { h.update(UnsafeRawBufferPointer($0)) }
        return hex(h.finalize())
    }

    /// Lower-case hex of a digest.
    public static func hex(_ digest: [UInt8]) -> String {
        digest.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
    }

    /// A running hash: `update` with each piece in order, then `finalize` once.
    public struct Hasher: Sendable {
        private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        private var pending: [UInt8] = []
        private var length: UInt64 = 0

        public init() { pending.reserveCapacity(64) }

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            length &+= UInt64(bytes.count)
            var at = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, bytes.count)
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<take]))
                at = take
                guard pending.count == 64 else { return }
                pending.withUnsafeBytes { SHA256.compress(&h, $0.baseAddress!, blocks: 1) }
                pending.removeAll(keepingCapacity: true)
            }
            let blocks = (bytes.count - at) / 64
            if blocks > 0 { SHA256.compress(&h, base + at, blocks: blocks) }
            at += blocks * 64
            if at < bytes.count { pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[at...])) }
        }

        public mutating func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { update($0) }
        }

        /// The 32-byte digest of everything passed to `update`.
        public mutating func finalize() -> [UInt8] {
            let bitLength = length &* 8
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
            tail.withUnsafeBytes { SHA256.compress(&h, $0.baseAddress!, blocks: $0.count / 64) }
            let words = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
            return words.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - UInt32($0) * 8)) } }
        }
    }
}
