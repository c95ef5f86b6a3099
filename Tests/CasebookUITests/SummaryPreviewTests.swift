import CasebookModel
import CasebookTesting
import CasebookUI
import Testing

/// P on screen: the summary in a preview, saved and printed through the hooks the command line gives.
@Suite struct SummaryPreviewTests {
    final class Calls { var saved: [(String, String)] = []; var printed = 0 }

    func scenario(_ calls: Calls, failPrint: Bool = false) throws -> (Scenario, DemoCaseFile) {
        let file = try DemoCaseFile()
        let s = try file.open()
        s.app.summaries = SummaryHooks(
            text: { c, width in "KEY FIGURES\n" + "- Incidents: \(c.incidents.count)\n" + (1...80).map { "line \($0)" }.joined(separator: "\n") },
            save: { _, format, path in calls.saved.append((format, path)); return "Saved the \(format) summary to \(path)" },
            print: { _ in
                if failPrint { throw PrintError() }
                calls.printed += 1
                return "sent with lp"
            })
        return (s, file)
    }

    struct PrintError: Error, CustomStringConvertible { var description: String { "lp was not found on PATH" } }

    @Test func previewScrollsAndClosesAndSavesEachForm() throws {
        let calls = Calls()
        let (s, _) = try scenario(calls)
        s.press("P")
        #expect(s.screen.contains("KEY FIGURES") && s.screen.contains("Incidents: 10"))
        s.press("G")
        #expect(s.screen.contains("line 80") && !s.screen.contains("KEY FIGURES"), "scrolled to the end")
        s.press("h")
        #expect(s.state.prompt?.editor.text.hasSuffix("demo-summary.html") == true, "a sensible default beside the case")
        s.press("Enter")
        #expect(calls.saved.map(\.0) == ["html"])
        #expect(s.screen.contains("Saved the html summary to"))
        s.press("m", "Ctrl-U").type("brief.md").press("Enter")
        #expect(calls.saved.last?.0 == "markdown" && calls.saved.last?.1 == "brief.md")
        s.press("t", "Enter")
        #expect(calls.saved.last?.0 == "text")
        s.press("Esc")
        #expect(s.state.overlay == nil)
    }

    @Test func printGoesThroughTheHookAndFailuresAreShown() throws {
        let calls = Calls()
        let (s, _) = try scenario(calls)
        s.press("P", "p")
        #expect(calls.printed == 1 && s.screen.contains("sent with lp"))
        let (t, _) = try scenario(Calls(), failPrint: true)
        t.press("P", "p")
        #expect(t.screen.contains("lp was not found on PATH"))
    }

    @Test func withoutHooksPSaysSo() {
        let s = Demo.scenario()
        s.press("P")
        #expect(s.state.overlay == nil && s.screen.contains("Summaries are not available here"))
    }
}
