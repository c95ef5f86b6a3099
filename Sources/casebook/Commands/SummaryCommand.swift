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
        let text = SummaryOutput.render(summary, format, width: width)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try SummaryOutput.write(text, to: output, caseFile: file)
        say("\(VisibleText.line(output)): \(format.rawValue) summary written")
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
        let sent = try SummaryOutput.sendToLP(TextRenderer().render(summary), title: summary.title, printer: printer, copies: copies,
                                              file: file)
        say(sent)
    }
}
