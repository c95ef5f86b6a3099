import CasebookInterop
import CasebookModel
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
