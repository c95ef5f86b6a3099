import Foundation

/// Runs $VISUAL or $EDITOR (else vi) on a temporary file and returns what it holds afterwards;
/// nil if the editor cannot be started or exits non-zero. The screen is suspended around it.
enum ExternalEditor {
    static func edit(_ text: String, environment: [String: String]) -> String? {
        let path = NSTemporaryDirectory() + "casebook-note-\(getpid())-\(UUID().uuidString.prefix(8)).txt"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor may carry arguments ("code --wait"); the file is passed as $1, never spliced in.
        p.arguments = ["-c", editor + " \"$1\"", "casebook-editor", path]
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        guard p.terminationStatus == 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
