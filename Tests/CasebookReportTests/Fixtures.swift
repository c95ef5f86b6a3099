import CasebookModel
import CasebookReport
import CasebookStore
import Foundation

/// The demo case and golden files for the summary tests.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__").path
    static let options = SummaryOptions(generated: "2026-11-22T12:00:00Z", author: "Analyst Kim")

    static let demo: Case = {
        let text = try! String(contentsOf: root.appendingPathComponent("Sources/casebook/Resources/demo.case.json"), encoding: .utf8)
        return try! CaseCoding.decode(text: text).content
    }()

    static func meta(_ id: String, marking: String? = nil, tags: [String] = [], notes: [Note] = [], sources: [String] = []) -> RecordMeta {
        RecordMeta(id: id, created: "2026-01-01T00:00:00Z", marking: marking, tags: tags, notes: notes,
                   sources: sources.map { Citation(source: $0) })
    }

    static func all(_ s: Summary, width: Int = 80) -> [(String, String)] {
        [("text", TextRenderer(width: width).render(s)), ("markdown", MarkdownRenderer().render(s)), ("html", HTMLRenderer().render(s))]
    }
}

/// Golden files as in CasebookTesting's Snapshot: `__Snapshots__/NAME`. A missing file, or
/// RECORD_SNAPSHOTS=1, writes the file and fails the test, so a new golden is never accepted unseen.
enum Golden {
    static func check(_ actual: String, named name: String) -> String? {
        let path = Fixture.snapshots + "/" + name
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        let stored = try? String(contentsOfFile: path, encoding: .utf8)
        if record || stored == nil {
            try? FileManager.default.createDirectory(atPath: Fixture.snapshots, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return "Recorded golden \(name) at \(path); check it and run the tests again."
        }
        guard stored == actual else {
            return "Golden \(name) differs from \(path) (RECORD_SNAPSHOTS=1 re-records).\n--- expected\n\(stored ?? "")\n--- actual\n\(actual)"
        }
        return nil
    }
}

/// A small seeded generator (SplitMix64) so generated cases are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
