import CasebookModel
import Foundation

/// What the screen needs to show, save and print a summary. The command line supplies these: it
/// owns the report renderers' choice of form, the files and `lp`; the screen only shows text.
public struct SummaryHooks {
    /// The text form at a width.
    public var text: (Case, Int) -> String
    /// Saves a form ("text", "markdown", "html") to a path; returns what to tell the user.
    public var save: (Case, String, String) throws -> String
    /// Sends the text form to the printer; returns what to tell the user.
    public var print: (Case) throws -> String

    public init(text: @escaping (Case, Int) -> String, save: @escaping (Case, String, String) throws -> String,
                print: @escaping (Case) throws -> String) {
        self.text = text
        self.save = save
        self.print = print
    }
}

// P: the summary in a scrollable preview, with p to print and t, m, h to save it as text,
// Markdown or HTML (the path prompt offers a name beside the case file).

extension App {
    func openSummary() {
        guard let hooks = summaries, let c = loaded?.store.content ?? state.view?.content else {
            state.say("Summaries are not available here", error: true)
            return
        }
        let text = hooks.text(c, 80)
        let lines = text.replacingOccurrences(of: "\u{0C}", with: "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        state.overlay = .preview(lines: lines, scroll: 0)
    }

    func handlePreview(_ key: Key, _ m: ViewMetrics) {
        guard case .preview(let lines, let scroll) = state.overlay else { return }
        let page = max(1, m.listHeight * 2)
        func to(_ s: Int) { state.overlay = .preview(lines: lines, scroll: max(0, min(s, max(0, lines.count - 1)))) }
        switch key {
        case .char("j"), .down: to(scroll + 1)
        case .char("k"), .up: to(scroll - 1)
        case .pageDown, .char(" "), .ctrl("d"): to(scroll + page)
        case .pageUp, .ctrl("u"): to(scroll - page)
        case .char("g"), .home: to(0)
        case .char("G"), .end: to(lines.count - 1)
        case .char("p"):
            guard let hooks = summaries, let c = loaded?.store.content else { return }
            do { state.say(try hooks.print(c)) } catch { state.say("\(error)", error: true) }
        case .char("t"), .char("m"), .char("h"):
            let format = key == .char("t") ? "text" : key == .char("m") ? "markdown" : "html"
            let ext = format == "text" ? "txt" : format == "markdown" ? "md" : "html"
            let base = state.file.hasSuffix(".case.json") ? String(state.file.dropLast(10)) : state.file
            state.prompt = Prompt(purpose: .saveSummary(format: format), editor: LineEditor("\(base)-summary.\(ext)"),
                                  label: "Save the \(format) summary as: ")
        case .escape, .char("q"), .char("P"): state.overlay = nil
        case .char("Q"): state.quit = true
        default: break
        }
    }
}
