import CasebookModel
import CasebookReport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a summary goes: rendered in a form, written to a file, or sent to `lp`. Shared by the
/// `summary` and `print` commands and by the screen's `P` preview.
enum SummaryOutput {
    static func render(_ summary: Summary, _ format: SummaryFormat, width: Int = 80) -> String {
        switch format {
        case .text: TextRenderer(width: width).render(summary)
        case .markdown: MarkdownRenderer().render(summary)
        case .html: HTMLRenderer().render(summary)
        }
    }

    /// Writes atomically; never over the case file itself.
    static func write(_ text: String, to output: String, caseFile: String) throws {
        if sameFile(output, caseFile) { throw CLIError("\(output): refusing to overwrite the case file itself") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError("\(output): cannot write: \(error.localizedDescription)")
        }
    }

    /// Sends the text form to `lp` (arguments passed directly, never through a shell); lp's own
    /// output is captured, not let onto the terminal. Returns what to tell the user.
    static func sendToLP(_ text: String, title: String, printer: String?, copies: Int?, file: String) throws -> String {
        guard let lp = findExecutable("lp") else {
            throw CLIError("lp was not found on PATH, so nothing was printed; save the summary and print it another way: "
                + "casebook summary \(file) --format text --output case.txt")
        }
        var args: [String] = []
        if let printer { args += ["-d", printer] }
        if let copies { args += ["-n", String(copies)] }
        args += ["-t", "Casebook: " + VisibleText.line(title)]
        let p = Process()
        p.executableURL = lp
        p.arguments = args
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        do { try p.run() } catch { throw CLIError("cannot run \(lp.path): \(error.localizedDescription)") }
        // lp exiting early must give an error here, not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let written = Result { try input.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }
        try? input.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if case .failure(let e) = written, p.terminationStatus == 0 { throw CLIError("lp did not take the whole summary: \(e)") }
        guard p.terminationStatus == 0 else {
            throw CLIError("lp failed (exit status \(p.terminationStatus)): \(VisibleText.line(said.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        let request = VisibleText.line(said.trimmingCharacters(in: .whitespacesAndNewlines))
        return "\(VisibleText.line(file)): sent to \(printer.map(VisibleText.line) ?? "the default printer") with lp" + (request.isEmpty ? "" : " (\(request))")
    }

    /// Whether two paths name the same file (after symlinks; the same inode if both exist).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        let ua = URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL
        let ub = URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL
        if ua.path == ub.path { return true }
        let fm = FileManager.default
        guard let x = try? fm.attributesOfItem(atPath: ua.path), let y = try? fm.attributesOfItem(atPath: ub.path),
              let ix = x[.systemFileNumber] as? NSNumber, let iy = y[.systemFileNumber] as? NSNumber,
              let dx = x[.systemNumber] as? NSNumber, let dy = y[.systemNumber] as? NSNumber else { return false }
        return ix == iy && dx == dy
    }

    /// The first executable called `name` in the directories of $PATH.
    static func findExecutable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }
}
