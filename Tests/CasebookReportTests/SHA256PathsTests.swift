// The fingerprint's SHA-256 goes through the system's libcrypto when it is there and through
// plain Swift otherwise: both must give the same digest for any split of any input.

import Testing
@testable import CasebookReport

@Suite("SHA-256: libcrypto and plain Swift agree")
struct SHA256PathsTests {
    @Test("same digest for inputs of every length around the block size, in any pieces")
    func agree() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> UInt8 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1_000, 70_001] {
            let bytes = (0..<length).map { _ in next() }
            let cut = length / 3, cut2 = length * 2 / 3 + 1
            let pieces = length < 3 ? [bytes] : [Array(bytes[..<cut]), Array(bytes[cut..<cut2]), [], Array(bytes[cut2...])]
            let plain = SHA256.plainDigest(pieces: pieces)
            #expect(plain == SHA256.digest(bytes))
            #expect(SHA256.digest(pieces: pieces) == plain)
            if let system = SystemSHA256.shared { #expect(system.digest(pieces) == plain) }
        }
    }

    @Test("the known vector through the fast path")
    func vector() {
        #expect(SHA256.hex(SHA256.digest(pieces: [Array("ab".utf8), Array("c".utf8)]))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
