import CasebookInterop
import CasebookModel
import CasebookReport
import Testing

// A STIX export is handed on in pieces as it is made (a million transfers make 1.3 GB): the
// pieces must make exactly the bundle, and a sink that fails must stop it.

@Suite("STIX export in pieces")
struct StixStreamingTests {
    struct SinkFailed: Error {}

    @Test("the pieces joined are the bundle, byte for byte")
    func piecesMakeTheBundle() throws {
        let c = RoundTripTests.richCase()
        var whole = StixExporter(c, now: "2026-11-22T09:00:00Z")
        let bundle = whole.bundle()
        var streamed = StixExporter(c, now: "2026-11-22T09:00:00Z")
        streamed.pieceSize = 4_000
        var pieces: [String] = []
        try streamed.write { pieces.append($0) }
        #expect(pieces.count > 20)
        #expect(pieces.joined() == bundle)
        // A piece is handed on once it reaches the size (the last holds what is left).
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 4_000 })
        // Written a second time, the same again.
        var again: [String] = []
        try streamed.write { again.append($0) }
        #expect(again.joined() == bundle)
    }

    /// The bundles the exporter made before it wrote in pieces (SHA-256 of its text for the same
    /// case and time, taken from that commit): streaming changed no byte. The full bundle's hash
    /// was taken again when the generator began keeping transaction hashes' leading zeros; with
    /// the generator as it was, this exporter still gives a957cbf7… byte for byte.
    @Test("the bundle is byte for byte what the exporter gave before it streamed")
    func sameBytesAsBefore() {
        var all = StixExporter(RoundTripTests.richCase(), now: "2026-11-22T09:00:00Z")
        #expect(SHA256.hex(SHA256.digest(Array(all.bundle().utf8))) == "6911d377f6fa286c186480a8ff9f5db4177a4e7b59ccac5afd215e8f57ec49b6")
        var green = StixExporter(RoundTripTests.richCase(), maxMarking: .green, now: "2026-11-22T09:00:00Z")
        #expect(SHA256.hex(SHA256.digest(Array(green.bundle().utf8))) == "64e6f9bd03f7b3cce5e51efe063720177bfed5cb1de6b4f61a9ffa56da2598c8")
        #expect(green.withheld == 660)
    }

    @Test("a sink that fails stops the export, and its error comes back")
    func failingSink() {
        var exporter = StixExporter(RoundTripTests.richCase(), now: "2026-11-22T09:00:00Z")
        exporter.pieceSize = 4_000
        var calls = 0
        #expect(throws: SinkFailed.self) {
            try exporter.write { _ in
                calls += 1
                if calls == 3 { throw SinkFailed() }
            }
        }
        #expect(calls == 3)
    }
}
