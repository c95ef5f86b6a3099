import CasebookStore
import Foundation
import Testing

// An export written piece by piece lands whole or not at all.

@Suite("Output file written in pieces")
struct OutputFileTests {
    struct ProducerFailed: Error {}

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outputfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the pieces are the file, Korean included")
    func piecesAreTheFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.json").path
        let pieces = (0..<50).map { "piece \($0) 라자루스\n" }
        try OutputFile.write(path) { write in for p in pieces { try write(p) } }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == pieces.joined())
    }

    @Test("a producer that fails leaves the old file as it was, its error comes back, and no temporary file stays")
    func failureLeavesTheOldFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.json").path
        try "the old export\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ProducerFailed.self) {
            try OutputFile.write(path) { write in
                try write("half of the new one")
                throw ProducerFailed()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "the old export\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
    }

    @Test("a folder that does not exist is named in the error")
    func missingFolder() throws {
        let path = "/nonexistent-\(UUID().uuidString)/out.json"
        do {
            try OutputFile.write(path) { write in try write("x") }
            Issue.record("wrote into a missing folder")
        } catch {
            #expect("\(error)".contains(path))
        }
    }
}
