import CasebookModel
import Foundation

// A big section's records (wallets, transfers) encoded on two threads and handed to a sink in
// file order, block by block, while the sink (a hash, a file) works on the blocks before: a
// million transfers never sit in memory as one 400 MB buffer, and encoding overlaps the sink.
//
// How it works: block k is the records at positions [k*B, (k+1)*B) of the sorted ids. Two
// encoder threads take block numbers from a shared counter and write block k into slot k % S of
// a ring of S reusable buffers; the caller's thread gives block 0, 1, 2, ... to the sink as each
// is ready, then frees its slot. An encoder waits until its slot's previous block (k - S) has
// been consumed, so at most S blocks exist at once. A sink that throws stops the encoders (they
// check between blocks) and the error leaves only after both have exited, so no thread outlives
// the call or touches a freed buffer.

final class CaseWriterPipeline: @unchecked Sendable {   // shared state is read and written under `condition`
    static let slotCount = 6
    private let condition = NSCondition()
    private let blocks: Int
    private var next = 0          // the next block an encoder takes
    private var consumed = 0      // blocks the sink has had
    private var ready: [Int]      // per slot: the block it holds once encoded, else -1
    private var stopped = false
    private var running = 0
    /// Slot buffers; slot s belongs to one encoder between taking a block and marking it ready,
    /// then to the caller until the block is consumed (the hand-overs happen under `condition`).
    private let slots: UnsafeMutablePointer<CaseWriterBytes>

    private init(blocks: Int, capacity: Int) {
        self.blocks = blocks
        ready = Array(repeating: -1, count: Self.slotCount)
        slots = .allocate(capacity: Self.slotCount)
        for s in 0..<Self.slotCount { (slots + s).initialize(to: CaseWriterBytes(capacity: capacity)) }
    }

    deinit {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
    }

    /// Encodes block after block with `encode` (block k is the records at positions
    /// [k*blockSize, (k+1)*blockSize) of `count`) and gives the bytes to `sink` in order.
    /// Not generic in the record type: `encode` is made where that type is known, so the
    /// lookups and copies of records are specialised for it.
    static func run<E: Error>(count: Int, blockSize: Int, bytesPerRecord: Int,
                              encode: @escaping @Sendable (Range<Int>, inout CaseWriterBytes) -> Void,
                              sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let blocks = (count + blockSize - 1) / blockSize
        let pipeline = CaseWriterPipeline(blocks: blocks, capacity: blockSize * bytesPerRecord)
        let encodeBlock: @Sendable (Int, inout CaseWriterBytes) -> Void = { k, out in
            encode(k * blockSize..<min(count, (k + 1) * blockSize), &out)
        }
        pipeline.running = 2
        for _ in 0..<2 {
            Thread { pipeline.encoder(encodeBlock) }.start()
        }
        do throws(E) {
            for k in 0..<blocks {
                let s = k % slotCount
                pipeline.condition.lock()
                while pipeline.ready[s] != k { pipeline.condition.wait() }
                pipeline.condition.unlock()
                try pipeline.slots[s].feed(sink)
                pipeline.condition.lock()
                pipeline.consumed = k + 1
                pipeline.condition.broadcast()
                pipeline.condition.unlock()
            }
            pipeline.finish()
        } catch {
            pipeline.finish()
            throw error
        }
    }

    /// Stops the encoders (if they are not already done) and waits for both to exit.
    private func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// One encoder thread: takes blocks until there are none left or the run stops.
    private func encoder(_ encode: (Int, inout CaseWriterBytes) -> Void) {
        condition.lock()
        while !stopped && next < blocks {
            let k = next
            next += 1
            let s = k % Self.slotCount
            while !stopped && k - consumed >= Self.slotCount { condition.wait() }
            if stopped { break }
            condition.unlock()
            slots[s].removeAll()
            encode(k, &slots[s])
            condition.lock()
            ready[s] = k
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
