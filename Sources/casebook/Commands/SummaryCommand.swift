import ArgumentParser
import CasebookModel
import CasebookReport
import CasebookStore
import Foundation

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown, html }

/// Options both `summary` and `print` take.
struct SummaryOptionGroup: ParsableArguments {
    @Option(help: "Leave out records marked above this TLP level (CLEAR, GREEN, AMBER, AMBER+STRICT, RED), e.g. TLP:AMBER.")
    var maxMarking: String?

    func limit() throws -> TLP? {
        guard let maxMarking else { return nil }
        guard let tlp = TLP(maxMarking) else {
            throw CLIError("--max-marking: \(VisibleText.line(maxMarking)) is not a TLP level (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED)")
        }
        return tlp
    }

    /// The summary of `file`. The time is `$CASEBOOK_SUMMARY_TIME` when set (for golden files), else now.
    func summary(of file: String) throws -> Summary {
        let c = try Session.read(file).content
        let env = ProcessInfo.processInfo.environment
        let time = env["CASEBOOK_SUMMARY_TIME"].flatMap { $0.isEmpty ? nil : $0 } ?? Session.now
        return Summary(case: c, options: SummaryOptions(generated: time, author: Session.author, maxMarking: try limit()))
    }
}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Write a case summary as printable text, Markdown or self-contained HTML.",
        discussion: "Every figure is recomputed from the records; every claim carries the footnote numbers of its sources."
    )

    @Argument(help: "The case file.") var file: String
    @Option(help: "text (for a printer), markdown or html.") var format: SummaryFormat = .text
    @Option(help: "Write to this file (atomically) instead of stdout.") var output: String?
    @Option(help: "Page width in columns for the text form (40-400).") var width = 80
    @OptionGroup var options: SummaryOptionGroup

    func run() throws {
        guard (40...400).contains(width) else { throw CLIError("--width must be between 40 and 400") }
        let summary = try options.summary(of: file)
        let text: String = switch format {
        case .text: TextRenderer(width: width).render(summary)
        case .markdown: MarkdownRenderer().render(summary)
        case .html: HTMLRenderer().render(summary)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        if Self.sameFile(output, file) { throw CLIError("\(output): refusing to overwrite the case file itself") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError("\(output): cannot write: \(error.localizedDescription)")
        }
        say("\(VisibleText.line(output)): \(format.rawValue) summary written")
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
}

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print the text summary of a case with lp (80 columns, 60 lines a page)."
    )

    @Argument(help: "The case file.") var file: String
    @Option(help: "The printer (lp -d); the default printer when not given.") var printer: String?
    @Option(help: "Number of copies (lp -n).") var copies: Int?
    @OptionGroup var options: SummaryOptionGroup

    func run() throws {
        if let copies, !(1...100).contains(copies) { throw CLIError("--copies must be between 1 and 100") }
        if let printer, printer.isEmpty || printer.hasPrefix("-") { throw CLIError("--printer: not a printer name") }
        let summary = try options.summary(of: file)
        let text = TextRenderer().render(summary)
        guard let lp = Self.findExecutable("lp") else {
            throw CLIError("lp was not found on PATH, so nothing was printed; save the summary and print it another way: "
                + "casebook summary \(file) --format text --output case.txt")
        }
        var args: [String] = []
        if let printer { args += ["-d", printer] }
        if let copies { args += ["-n", String(copies)] }
        args += ["-t", "Casebook: " + VisibleText.line(summary.title)]
        let p = Process()
        p.executableURL = lp
        p.arguments = args
        let input = Pipe()
        p.standardInput = input
        do { try p.run() } catch { throw CLIError("cannot run \(lp.path): \(error.localizedDescription)") }
        // lp exiting early must give an error here, not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let written = Result { try input.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }
        try? input.fileHandleForWriting.close()
        p.waitUntilExit()
        if case .failure(let e) = written, p.terminationStatus == 0 { throw CLIError("lp did not take the whole summary: \(e)") }
        guard p.terminationStatus == 0 else { throw CLIError("lp failed (exit status \(p.terminationStatus)); nothing may have been printed") }
        say("\(VisibleText.line(file)): sent to \(printer.map(VisibleText.line) ?? "the default printer") with lp")
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
