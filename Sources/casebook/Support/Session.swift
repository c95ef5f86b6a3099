import CasebookModel
import CasebookStore
import Foundation

/// Who is editing and when: `$CASEBOOK_AUTHOR`, else `git config user.name`, else `$USER`.
enum Session {
    static var author: String {
        let env = ProcessInfo.processInfo.environment
        if let a = env["CASEBOOK_AUTHOR"], !a.isEmpty { return a }
        if let git = gitUserName(), !git.isEmpty { return git }
        if let u = env["USER"], !u.isEmpty { return u }
        return "unknown"
    }

    static var now: String { CaseTime.format(Date()) }

    static var editor: Editor { Editor(author: author, time: now) }

    private static func gitUserName() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "user.name"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Opens a case for reading, telling stderr about warnings (a torn journal line).
    static func read(_ file: String) throws -> CaseStore {
        let store = try reporting(file) { try CaseStore(opening: file, mode: .readOnly) }
        for w in store.warnings { warn(w) }
        return store
    }

    /// Opens a case for one edit, makes it, reports it once durable, and closes the case.
    static func edit(_ file: String, _ make: (Case, Editor) throws -> Edit) throws {
        let store = try reporting(file) { try CaseStore(opening: file) }
        for w in store.warnings { warn(w) }
        let entry = try reporting(file) { try store.apply(try make(store.content, editor)) }
        say("\(VisibleText.line(entry.label)) (#\(entry.seq))")
        holdForTests()
        try reporting(file) { try store.close() }
    }

    /// Tests that kill the process "right after an edit was reported done" set this to get a
    /// window between the report and compaction; unset, it costs nothing.
    static func holdForTests() {
        if let s = ProcessInfo.processInfo.environment["CASEBOOK_TEST_HOLD_AFTER_EDIT"], let seconds = Double(s) {
            Thread.sleep(forTimeInterval: seconds)
        }
    }
}

/// Writes a line to stdout at once (not buffered), e.g. to report an edit as saved.
func say(_ line: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((line + terminator).utf8))
}

func warn(_ line: String) {
    FileHandle.standardError.write(Data(("casebook: warning: " + line + "\n").utf8))
}
