import Foundation

// Golden-file snapshots, as in swift-argument-parser: the expected screen is a text file next to
// the tests (`__Snapshots__/NAME.txt`). A missing file, or RECORD_SNAPSHOTS=1, writes the file
// and fails the test, so a new baseline is never accepted silently.

public enum Snapshot {
    /// Compares `actual` with the stored snapshot; returns a failure message, or nil when equal.
    public static func check(_ actual: String, named name: String, folder: String) -> String? {
        let path = folder + "/" + name + ".txt"
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        let stored = try? String(contentsOfFile: path, encoding: .utf8)
        if record || stored == nil {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? (actual + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return "Recorded snapshot \(name) at \(path); check it and run the tests again."
        }
        guard let stored, stored.hasSuffix("\n") ? String(stored.dropLast()) == actual : stored == actual else {
            return "Snapshot \(name) differs from \(path) (RECORD_SNAPSHOTS=1 re-records).\n--- expected\n\(stored ?? "")\n--- actual\n\(actual)"
        }
        return nil
    }
}
