@testable import CasebookStore
import Testing

// The pipeline hands blocks to the sink in order however the two encoders interleave, reuses
// its ring of slots many times over, and stops cleanly when the sink throws.

@Suite struct CaseWriterPipelineTests {
    struct Stop: Error, Equatable { let at: Int }

    /// Record p is written as its number and a comma, so the output shows any block out of order.
    static let encode: @Sendable (Range<Int>, inout CaseWriterBytes) -> Void = { positions, out in
        for p in positions { out.append(contentsOf: "\(p),".utf8) }
    }

    @Test(arguments: [1, 7, 1000])
    func blocksArriveInOrder(blockSize: Int) {
        let count = 20_011
        var got: [UInt8] = []
        var pieces = 0
        CaseWriterPipeline.run(count: count, blockSize: blockSize, bytesPerRecord: 8, encode: Self.encode) { (raw: UnsafeRawBufferPointer) in
            got.append(contentsOf: raw)
            pieces += 1
        }
        #expect(got == Array((0..<count).map { "\($0)," }.joined().utf8))
        #expect(pieces == (count + blockSize - 1) / blockSize)
    }

    @Test func aThrowingSinkStopsTheEncoders() {
        for stopAt in [0, 3, 50] {
            var seen = 0
            #expect(throws: Stop(at: stopAt)) {
                try CaseWriterPipeline.run(count: 10_000, blockSize: 13, bytesPerRecord: 8, encode: Self.encode) { (_: UnsafeRawBufferPointer) throws(Stop) in
                    if seen == stopAt { throw Stop(at: stopAt) }
                    seen += 1
                }
            }
            #expect(seen == stopAt)
        }
    }
}
